/// An index of effectiveness θ (効果指数) of a treatment such as a 重点地区 designation, with its uncertainty.
///
/// θ < 1 means fewer accidents after than expected without the treatment; 1 − θ is the estimated reduction.
public struct EffectivenessEstimate: Sendable, Equatable {
    /// The method that produced this estimate.
    public var method: EvaluationMethod
    /// The index of effectiveness θ (observed after ÷ expected after without treatment, bias-corrected).
    public var theta: Double
    /// The standard error of θ (for ``EvaluationMethod/ratioOfRatios`` the delta-method value θ·SE(ln θ)).
    public var standardError: Double
    /// The lower end of the 95 % confidence interval for θ, never below 0.
    public var lower95: Double
    /// The upper end of the 95 % confidence interval for θ.
    public var upper95: Double
    /// π, the accidents expected in the after period had nothing changed; `nil` when the method does not define it.
    public var expectedWithoutTreatment: Double?
    /// Caveats a report must print beside the estimate (e.g. the regression-to-the-mean warning).
    public var notes: [String]

    /// Creates an estimate from its parts.
    public init(
        method: EvaluationMethod,
        theta: Double,
        standardError: Double,
        lower95: Double,
        upper95: Double,
        expectedWithoutTreatment: Double?,
        notes: [String]
    ) {
        self.method = method
        self.theta = theta
        self.standardError = standardError
        self.lower95 = lower95
        self.upper95 = upper95
        self.expectedWithoutTreatment = expectedWithoutTreatment
        self.notes = notes
    }
}
