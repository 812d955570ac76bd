import Foundation

/// Where `swift build` put the executables: next to the test bundle that runs now
/// (`.build/<triple>/debug/`).
enum BuildProducts {
    struct MissingExecutable: Error, CustomStringConvertible {
        let name: String
        let directory: String
        var description: String {
            "the executable \(name) is not in \(directory): build it first with `swift build --build-tests` (deploy/test.sh does)"
        }
    }

    /// The folder of the running test binary.
    static let directory: URL = {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On platforms where the tests run from a bundle, the products are beside the bundle.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// The path of a built executable, or an error that says how to build it.
    static func executable(_ name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingExecutable(name: name, directory: directory.path)
        }
        return path
    }
}
