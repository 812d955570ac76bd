import AMQP

extension DeadLetterQueue {
    /// Moves parked messages back to the queue each was taken from, without the parking
    /// headers (see ``ParkedMessage/isParkingHeader(_:)``).
    ///
    /// Each message is published with publisher confirms, mandatory, to its original queue
    /// through the default exchange, and only once the broker has confirmed it is the parked
    /// copy acknowledged: a crash in between leaves a copy in both queues, never in none, and
    /// consumers skip a message id they have already handled. Messages that stay (not
    /// selected, no original queue recorded, the queue is gone) are kept in hand until every
    /// message present at the start has been looked at, then returned in their order, as
    /// ``browse(limit:)`` does.
    public func replay(_ selection: ReplaySelection, batchSize: Int = 100) async throws -> ReplayReport {
        guard let parked = try await count() else { throw missingQueue() }
        if case .message = selection, parked > Self.maximumInHand {
            throw OperatorError(
                "\(name) holds \(parked) messages; p2gctl looks through at most \(Self.maximumInHand) at once for one message id")
        }
        let publisher = try await connection.makePublisher()
        var report = ReplayReport()
        var kept: [AMQPDelivery] = []
        do {
            while report.examined < parked {
                var batch: [AMQPDelivery] = []
                while batch.count < min(batchSize, parked - report.examined), let delivery = try await connection.get(from: name) {
                    batch.append(delivery)
                }
                if batch.isEmpty { break }
                report.examined += batch.count

                var chosen: [(delivery: AMQPDelivery, message: ParkedMessage, queue: String)] = []
                for delivery in batch {
                    let message = ParkedMessage(delivery)
                    guard selection.includes(message) else {
                        kept.append(delivery)
                        continue
                    }
                    guard let queue = message.originalQueue else {
                        kept.append(delivery)
                        report.kept.append(.init(message: message, why: "no original queue recorded (no x-p2g-original-queue, no x-death)"))
                        continue
                    }
                    chosen.append((delivery, message, queue))
                }
                guard !chosen.isEmpty else { continue }

                let outcomes = await publisher.publish(chosen.map { ParkedMessage.replay(of: $0.delivery, to: $0.queue) })
                for (item, outcome) in zip(chosen, outcomes) {
                    switch outcome {
                    case .success:
                        let replayed = ReplayReport.Replayed(message: item.message, queue: item.queue)
                        do {
                            try await item.delivery.ack()
                            report.replayed.append(replayed)
                        } catch {
                            report.stillParkedAfterReplay.append(replayed)
                        }
                    case .failure(let error):
                        kept.append(item.delivery)
                        report.kept.append(.init(message: item.message, why: Self.describe(error, queue: item.queue)))
                    }
                }
            }
        } catch {
            report.interruption = "\(error)"
        }
        try await putBack(kept)
        return report
    }

    private static func describe(_ error: AMQPPublishError, queue: String) -> String {
        switch error.reason {
        case .returned(312, _): "queue \(queue) does not exist (has its service started?)"
        default: "could not publish to \(queue): \(error)"
        }
    }
}
