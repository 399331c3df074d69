import TandemCatalog
import TandemModules
import TandemRoutine

/// The modules, loaded once for every input.
private let registry = ModuleRegistry(moduleTypes: allModuleTypes)

/// libFuzzer's entry point: lexes, parses and checks arbitrary bytes as
/// routine source, and asks whether they are incomplete. Must never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func routineFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let program = RoutineProgram.parse(text, name: "fuzz.routine", resolvingIncludes: false)
    let diagnostics = RoutineSession.check(program, registry: registry)
    for diagnostic in diagnostics { _ = diagnostic.description }
    _ = RoutineSession.isIncomplete(text)
    return 0
}
