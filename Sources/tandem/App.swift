import TandemCatalog
import TandemModules

/// What must exist before `main`: ArgumentParser reads the subcommand list
/// (the modules' commands among them) from a static configuration.
enum App {
    /// The modules built into this binary, validated once per process.
    static let registry = ModuleRegistry(moduleTypes: allModuleTypes)
}
