/// A library error with the names the user gave the inputs: the libraries see values, not file
/// names, so ``ErrorMessages`` takes the names from here to say which input a message is about.
struct InputContext: Error {
    let error: any Error
    /// The data as the user knows it: its path, `<stdin>` or "the demo data".
    let data: String
    /// The path of the history read with `--history-in`, if any.
    var history: String?
}
