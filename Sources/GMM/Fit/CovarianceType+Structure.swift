extension CovarianceType {
    /// Checks that the K × D × D `covariances` have the structure this type stores: diagonal
    /// matrices for the diagonal models (VVI `diag`, EEI, VEI, EVI), σ²·I for the spherical
    /// ones (VII `spherical`, EII), and one matrix repeated for the models that share it (EEE
    /// `tied`, EII, EEI). Entries are compared exactly: gmmviz writes exact zeros and exact
    /// copies. Returns the first violation, or `nil`.
    ///
    /// The other constraints — equal volumes, shapes or orientations, which hold only to
    /// rounding — are not checked: a start that lacks them is a valid start (the first M-step
    /// imposes them), and every matrix is checked to be positive definite elsewhere.
    func structureProblem(_ covariances: [[[Double]]]) -> ModelProblem? {
        if sharesOneMatrix, let first = covariances.first {
            for (c, m) in covariances.enumerated() where m != first {
                return .covariance(c, self == .tied ? .notTied : .notShared(type: self))
            }
        }
        switch storage {
        case .full, .tied:
            return nil
        case .diag, .spherical:
            for (c, m) in covariances.enumerated() {
                for i in m.indices {
                    for j in m[i].indices where i != j && m[i][j] != 0 {
                        return .covariance(c, .offDiagonal(value: m[i][j], row: i, column: j, type: self))
                    }
                }
                if storage == .spherical, let v = m.first?.first {
                    for i in m.indices where i < m[i].count && m[i][i] != v {
                        return .covariance(c, .unequalVariances(first: v, other: m[i][i]))
                    }
                }
            }
            return nil
        }
    }
}
