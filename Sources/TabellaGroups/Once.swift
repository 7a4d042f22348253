/// A value computed the first time it is asked for, once, even when several threads ask at the same time.
public final class Once<Value: Sendable>: Sendable {
    private let state = Locked<Value?>(nil)
    private let make: @Sendable () -> Value

    /// Remembers how to compute the value; nothing is computed yet.
    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, computed on the first call.
    public var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
