/// What a connection declared, in order, so that it can declare it all again on a new
/// connection: a queue deleted or an exchange deleted through the connection is forgotten
/// with its bindings.
struct DeclaredTopology {
    enum Declaration: Equatable {
        case exchange(AMQPExchange)
        case queue(AMQPQueue)
        case binding(AMQPBinding)
    }

    private(set) var declarations: [Declaration] = []

    mutating func record(_ declaration: Declaration) {
        if let index = declarations.firstIndex(where: { Self.sameObject($0, declaration) }) {
            declarations[index] = declaration
        } else {
            declarations.append(declaration)
        }
    }

    mutating func forgetBinding(_ binding: AMQPBinding) {
        declarations.removeAll { $0 == .binding(binding) }
    }

    mutating func forgetQueue(_ name: String) {
        declarations.removeAll { declaration in
            switch declaration {
            case .queue(let queue): return queue.name == name
            case .binding(let binding): return binding.queue == name
            case .exchange: return false
            }
        }
    }

    mutating func forgetExchange(_ name: String) {
        declarations.removeAll { declaration in
            switch declaration {
            case .exchange(let exchange): return exchange.name == name
            case .binding(let binding): return binding.exchange == name
            case .queue: return false
            }
        }
    }

    func knowsQueue(_ name: String) -> Bool {
        declarations.contains { declaration in
            if case .queue(let queue) = declaration { return queue.name == name }
            return false
        }
    }

    private static func sameObject(_ a: Declaration, _ b: Declaration) -> Bool {
        switch (a, b) {
        case (.exchange(let x), .exchange(let y)): return x.name == y.name
        case (.queue(let x), .queue(let y)): return x.name == y.name
        case (.binding(let x), .binding(let y)): return x == y
        default: return false
        }
    }
}
