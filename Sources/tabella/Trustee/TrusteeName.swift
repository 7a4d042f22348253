import ArgumentParser
import Foundation

/// The check of a trustee's name (`trustee create`, `trustee enroll`): the other trustees and the board's readers
/// see it, so it is 1 to 64 characters with no control characters and no space at either end.
func checkTrusteeName(_ name: String) throws {
    guard !name.isEmpty, name.count <= 64 else {
        throw ValidationError("--name: a trustee's name has 1 to 64 characters (this one has \(name.count))")
    }
    guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
        throw ValidationError("--name: a trustee's name has no control characters (newlines, tabs, escapes)")
    }
    guard name.trimmingCharacters(in: .whitespaces) == name else {
        throw ValidationError("--name: a trustee's name does not begin or end with a space")
    }
}
