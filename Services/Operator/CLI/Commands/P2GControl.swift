import ArgumentParser

/// `p2gctl`: the operator's command line for the four services.
public struct P2GControl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "p2gctl",
        abstract:
            "Look after the p2g services: their health, their dead-letter queues, replaying parked messages, the registry's CSV files, the needs-assessment cycles.",
        discussion: """
            Settings come from the environment the services use: P2G_AMQP_URL for the broker, and \
            P2G_<SERVICE>_URL (e.g. P2G_REGISTRY_URL=http://registry:8081) or P2G_<SERVICE>_HTTP_PORT \
            for a service's address (default http://127.0.0.1:8081 to 8084). On a machine that runs \
            deploy/run.sh: eval "$(deploy/run.sh env)". P2G_TOKEN, when set, is sent as a bearer token \
            with every request to the registry.
            """,
        subcommands: [
            HealthCommand.self, DeadLettersCommand.self, ReplayCommand.self, ImportCommand.self, ExportCommand.self, TokenCommand.self,
            WorkflowsCommand.self,
        ])

    public init() {}
}
