// notifications: recipients and the notifications owed to them.
import Foundation
import Notifications
import ServiceKit

exit(await ServiceRuntime.run(NotificationsService.definition))
