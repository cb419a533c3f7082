import Foundation
import Testing
@testable import GMMRender
import GMMImage

/// Frames rendered in parallel (as the render command does, one surface per task) are identical
/// to frames rendered one after another.
@Test func parallelRenderingMatchesSerial() async throws {
    let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: RenderOptions())
    let renderer = try FrameRenderer()
    let indices = Array(0 ..< min(8, builder.snapshotCount))
    let serial = try indices.map { try renderer.renderRaster(try builder.scene(at: $0)) }
    let parallel = try await withThrowingTaskGroup(of: (Int, RGBImage, [UInt8]).self) { group in
        for i in indices {
            group.addTask {
                let scene = try builder.scene(at: i)
                return (i, try renderer.renderRaster(scene), try renderer.render(scene, format: .svg))
            }
        }
        var out = [Int: (RGBImage, [UInt8])]()
        for try await (i, frame, svg) in group { out[i] = (frame, svg) }
        return out
    }
    for i in indices {
        #expect(parallel[i]?.0 == serial[i], "frame \(i) differs when rendered in parallel")
        #expect(parallel[i]?.1 == (try renderer.render(try builder.scene(at: i), format: .svg)), "SVG \(i) differs")
    }
}
