import Foundation
import GMMFiles
#if canImport(Glibc)
import Glibc
#endif

/// What gmmviz does on SIGINT, SIGTERM or SIGHUP: removes every temporary file and staging
/// directory it has open (``TemporaryFiles``), says so in one line, and exits with 128 + the
/// signal's number, as a shell reports a process killed by it. Every destination then holds
/// what it held before the run.
///
/// The signals are blocked in every thread (the mask is set before any other thread starts, and
/// threads inherit it) and taken by one thread that waits for them with `sigwait`, so the
/// cleanup runs as ordinary code, not in a signal handler, where taking a lock or allocating
/// is not safe.
enum Interrupts {
    /// The signals that stop a run.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Blocks the signals and starts the thread that handles them. Call first thing in `main`.
    static func install() {
        var blocked = signalSet()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let waiter = Thread {
            var set = signalSet()
            var caught: Int32 = 0
            while sigwait(&set, &caught) != 0 {}
            let removed = TemporaryFiles.removeAll()
            let name = String(cString: strsignal(caught))
            // On a terminal, the progress bar's line is cleared first.
            if isatty(STDERR_FILENO) == 1 { Terminal.write("\r\u{1B}[2K") }
            Terminal.note("stopped by \(name.lowercased()) (signal \(caught))\(removed > 0 ? "; every file is as it was before the run" : "")")
            _exit(128 + caught)
        }
        waiter.stackSize = 1 << 20
        waiter.start()
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }
}
