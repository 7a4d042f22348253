@testable import TabellaCrypto
import TabellaGroups

/// Single-field changes of a value, each named by its field: an element multiplied by g, a scalar plus one, for
/// the first and the last entry of a list. A verifier must reject every one of them.
struct Mutations<Group: PrimeOrderGroup, Root> {
    /// The group whose generator and scalars change the fields.
    let group: Group
    /// Each change with the name of its field.
    private(set) var all: [(field: String, apply: (inout Root) -> Void)] = []

    init(_ group: Group) { self.group = group }

    /// The change of one element.
    mutating func element(_ name: String, _ path: WritableKeyPath<Root, Group.Element>) {
        let group = self.group
        all.append((name, { $0[keyPath: path] = group.multiply($0[keyPath: path], group.generator) }))
    }

    /// The changes of the first and last element of a list.
    mutating func elements(_ name: String, _ path: WritableKeyPath<Root, [Group.Element]>, count: Int) {
        let group = self.group
        for index in Set([0, count - 1]) where index >= 0 {
            all.append(("\(name)[\(index)]", {
                $0[keyPath: path][index] = group.multiply($0[keyPath: path][index], group.generator)
            }))
        }
    }

    /// The changes of the first and last component of the first and last ciphertext of a list.
    mutating func ciphertexts(_ name: String, _ path: WritableKeyPath<Root, [[Group.Element]]>, count: Int,
                              width: Int) {
        let group = self.group
        for index in Set([0, count - 1]) {
            for component in Set([0, width - 1]) {
                all.append(("\(name)[\(index)][\(component)]", {
                    $0[keyPath: path][index][component] =
                        group.multiply($0[keyPath: path][index][component], group.generator)
                }))
            }
        }
    }

    /// A change of the caller's.
    mutating func custom(_ name: String, _ apply: @escaping (inout Root) -> Void) { all.append((name, apply)) }

    /// The change of one scalar.
    mutating func scalar(_ name: String, _ path: WritableKeyPath<Root, Scalar>) {
        let field = group.scalars
        all.append((name, { $0[keyPath: path] = field.add($0[keyPath: path], field.one) }))
    }

    /// The changes of the first and last scalar of a list.
    mutating func scalars(_ name: String, _ path: WritableKeyPath<Root, [Scalar]>, count: Int) {
        let field = group.scalars
        for index in Set([0, count - 1]) {
            all.append(("\(name)[\(index)]", {
                $0[keyPath: path][index] = field.add($0[keyPath: path][index], field.one)
            }))
        }
    }

    /// The changes of a part, named below the part's name.
    mutating func nested<Child>(
        _ name: String, _ path: WritableKeyPath<Root, Child>, _ child: Mutations<Group, Child>
    ) {
        for (field, apply) in child.all {
            all.append(("\(name).\(field)", { apply(&$0[keyPath: path]) }))
        }
    }
}

extension Mutations where Root == SingleValueProductArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        mutations.element("c_d", \.cd)
        mutations.element("c_δ", \.cLowerDelta)
        mutations.element("c_Δ", \.cUpperDelta)
        mutations.scalars("ã", \.aTilde, count: argument.aTilde.count)
        mutations.scalars("b̃", \.bTilde, count: argument.bTilde.count)
        mutations.scalar("r̃", \.rTilde)
        mutations.scalar("s̃", \.sTilde)
        return mutations
    }
}

extension Mutations where Root == ZeroArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        mutations.element("c_A0", \.cA0)
        mutations.element("c_Bm", \.cBm)
        mutations.elements("c_d", \.cd, count: argument.cd.count)
        mutations.scalars("a", \.a, count: argument.a.count)
        mutations.scalars("b", \.b, count: argument.b.count)
        mutations.scalar("r", \.r)
        mutations.scalar("s", \.s)
        mutations.scalar("t", \.t)
        return mutations
    }
}

extension Mutations where Root == HadamardArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        mutations.elements("c_B", \.cB, count: argument.cB.count)
        mutations.nested("zero", \.zero, .of(argument.zero, in: group))
        return mutations
    }
}

extension Mutations where Root == ProductArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        if let hadamard = argument.hadamard {
            mutations.element("c_b", \.cb!)
            mutations.nested("hadamard", \.hadamard!, .of(hadamard, in: group))
        }
        mutations.nested("singleValueProduct", \.singleValueProduct, .of(argument.singleValueProduct, in: group))
        return mutations
    }
}

extension Mutations where Root == MultiExponentiationArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        mutations.element("c_A0", \.cA0)
        mutations.elements("c_B", \.cB, count: argument.cB.count)
        mutations.ciphertexts("E", \.e, count: argument.e.count, width: argument.e[0].count)
        mutations.scalars("a", \.a, count: argument.a.count)
        mutations.scalar("r", \.r)
        mutations.scalar("b", \.b)
        mutations.scalar("s", \.s)
        mutations.scalars("τ", \.tau, count: argument.tau.count)
        return mutations
    }
}

extension Mutations where Root == ShuffleArgument<Group> {
    static func of(_ argument: Root, in group: Group) -> Self {
        var mutations = Self(group)
        mutations.elements("c_A", \.cA, count: argument.cA.count)
        mutations.elements("c_B", \.cB, count: argument.cB.count)
        mutations.nested("product", \.product, .of(argument.product, in: group))
        mutations.nested("multiExponentiation", \.multiExponentiation, .of(argument.multiExponentiation, in: group))
        return mutations
    }
}
