import ArgumentParser
import Basics
import Foundation
import SessionModel
import SessionStore

/// `omnigap simulate DIR --participants N`: synthetic participants for demos, tests and
/// benchmarks.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Add believable simulated participants to a session.",
        discussion: """
            They spread over the departments, answer in all four languages, disagree, say "don't \
            know" now and then, and some stop before the end. The same --seed gives the same \
            participants. Several simulate processes may run at once on one session. With --pace, \
            they answer one item at a time, as a live room would.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "How many participants to add.")
    var participants: Int

    @Option(name: .long, help: "Seed for repeatable participants (default: random).")
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Seconds between answers, to watch them arrive live.", valueName: "seconds"))
    var pace: Double?

    @Flag(name: .customLong("no-fsync"), help: "Skip flushing each file to disk (faster; for benchmarks on scratch folders).")
    var noFsync = false

    func validate() throws {
        guard (1...100_000).contains(participants) else { throw ValidationError("--participants must be 1 to 100000") }
        if let pace { guard pace >= 0 && pace <= 3600 else { throw ValidationError("--pace must be 0 to 3600 seconds") } }
    }

    func run() throws {
        let session = try self.session.open()
        var system = SystemRandomNumberGenerator()
        let simulation = Simulation(session: session, seed: seed ?? system.next())
        let now = Timestamp.now()
        let records = (0..<participants).map { simulation.participant($0, at: now) }
        if let pace {
            try answerLive(records, session: session, pace: pace)
        } else {
            try storeOperation { () throws(SessionError) in
                for record in records { _ = try session.merge(record, durable: !noFsync) }
            }
        }
        let answers = records.reduce(0) { $0 + $1.answers.count }
        print("Simulated \(records.count) participant(s) with \(answers) answers in \(Invocation.quoted(session.paths.root))")
    }

    /// Joins everyone first, then saves their answers round-robin, one every `pace` seconds.
    private func answerLive(_ records: [ParticipantRecord], session: Session, pace: Double) throws {
        try storeOperation { () throws(SessionError) in
            for record in records {
                var empty = record
                empty.answers = [:]
                empty.done = Stamped(false, at: record.profile.at)
                _ = try session.merge(empty)
            }
            let queues = records.map { record in record.answers.sorted { $0.value.at < $1.value.at } }
            let longest = queues.map(\.count).max() ?? 0
            for step in 0..<longest {
                for (index, queue) in queues.enumerated() where step < queue.count {
                    let (item, stored) = queue[step]
                    try session.save(stored.answer, item: item, for: records[index].id)
                    if pace > 0 { usleep(UInt32(min(pace, 3600) * 1_000_000)) }
                }
            }
            for record in records where record.done.value { try session.setDone(true, for: record.id) }
        }
    }
}
