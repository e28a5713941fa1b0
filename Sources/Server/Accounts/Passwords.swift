import HummingbirdBcrypt

/// Password hashing (パスワード) with bcrypt, and the rule a new password must meet.
public enum Passwords {
    /// The shortest password accepted. 10 characters.
    public static let minimumLength = 10

    /// Why `password` is not acceptable, or `nil` when it is.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "the password must have at least \(minimumLength) characters" }
        if password.count > 72 { return "the password must have at most 72 characters (bcrypt reads no further)" }
        return nil
    }

    /// A bcrypt hash of `password` with `cost`.
    public static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password matches, verified for unknown names so that a login takes as long either way.
    static let decoy = Bcrypt.hash("decoy password never used", cost: 12)
}
