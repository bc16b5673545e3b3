import Foundation

/// `transform` of every item on up to `jobs` threads, the results in the items' order: the output
/// does not depend on how many threads ran or which finished first.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
    let workers = min(max(1, jobs), items.count)
    guard workers > 1 else { return items.map(transform) }
    let slots = Slots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var k = worker
        while k < items.count {
            slots.set(k, transform(items[k]))
            k += workers
        }
    }
    return slots.values
}

/// One result per item, written from several threads under a lock.
private final class Slots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: R) {
        lock.lock()
        slots[k] = value
        lock.unlock()
    }

    var values: [R] { lock.withLock { slots.map { $0! } } }
}
