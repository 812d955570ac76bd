// program-scheduling: community locations and calendar rules, and (later) programs and sessions.
import Foundation
import ProgramScheduling
import ServiceKit

exit(await ServiceRuntime.run(ProgramSchedulingService.definition))
