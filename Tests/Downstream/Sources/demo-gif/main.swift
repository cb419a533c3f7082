// Renders gmmviz's demo — the notebook's three blobs fitted from its initial means — as an
// animated GIF and PNG frames, with the library alone (the README's example).
//
//   demo-gif [DIR]    writes DIR/comb.gif and DIR/frames/frame_0000.png, … (DIR: output)
import Foundation
import GMM
import GMMAnimation

let dir = CommandLine.arguments.dropFirst().first ?? "output"
do {
    let data = try Demo.data()
    let fit = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
    let animation = try Animation(history: fit.history, data: data)
    try animation.render(to: [try GIFOutput(path: dir + "/comb.gif"),
                              FrameFilesOutput(directory: dir + "/frames")])
} catch {
    print("demo-gif: \(error)")
    exit(1)
}
