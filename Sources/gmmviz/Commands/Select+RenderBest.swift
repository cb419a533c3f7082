import GMM

extension Select {
    // MERGE HOOK (render-best): `gmmviz render` is being built on main. When it lands, make
    // this run the render command's pipeline on `history` and `data` (the chosen model's fit,
    // already written to --history) and drop the "needs --history" check in `validate()`.
    // Until then --render-best only writes the history, which `gmmviz render` will accept.
    /// Renders the chosen model's fit. For now a no-op beyond the history file `run()` wrote.
    func renderBestHook(history: FitHistory, data: Dataset) throws {
        Terminal.note("wrote the chosen model's history (K = \(history.components), \(history.covarianceType)) to \(self.history ?? "--history"); render it with gmmviz render")
    }
}
