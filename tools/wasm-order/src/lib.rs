//! Reorders the defined functions of a WebAssembly module so that the module gzips smaller.
//!
//! gzip (deflate) only finds repeats within the last 32 KiB, so the gzipped size of a
//! module depends on the order of the function bodies in its code section: bodies that
//! look alike compress better next to each other. [`permute`] rewrites a module with its
//! defined functions in a given order (the function and code sections permuted together,
//! every function index remapped: calls, `ref.func`, element segments, exports, the start
//! function and the name section); [`order::choose`] picks the order.
//!
//! Imported functions keep their indices. The rewritten module behaves the same: only
//! the numbering of the defined functions changes, and nothing outside the module sees
//! it (exports are looked up by name).

use std::fmt;

use wasm_encoder::reencode::{self, Reencode};
use wasmparser::{FunctionBody, Parser, Payload};

pub mod order;
pub mod search;

/// Why a module could not be read, reordered or validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Error {
    fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(err: wasmparser::BinaryReaderError) -> Self {
        Self(format!("invalid module: {err}"))
    }
}

impl<E: fmt::Display> From<reencode::Error<E>> for Error {
    fn from(err: reencode::Error<E>) -> Self {
        Self(format!("cannot rewrite the module: {err}"))
    }
}

/// The defined functions of a module, as the ordering sees them.
#[derive(Debug, Clone)]
pub struct Functions<'a> {
    /// How many functions are imported (they come first in the function index space).
    pub imported: u32,
    /// Each defined function's body (locals and instructions, without the size prefix),
    /// in the module's order.
    pub bodies: Vec<&'a [u8]>,
}

/// Reads the defined functions' bodies of `wasm`.
///
/// # Errors
///
/// When `wasm` is not a core WebAssembly module, or carries a custom section that refers
/// to code offsets or function indices that [`permute`] cannot rewrite (DWARF, linking
/// and relocation sections).
pub fn functions(wasm: &[u8]) -> Result<Functions<'_>, Error> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::Version {
                encoding: wasmparser::Encoding::Component,
                ..
            } => return Err(Error::new("a component, not a core module")),
            Payload::ImportSection(section) => {
                for imports in section {
                    for import in imports?.into_iter() {
                        let (_, import) = import?;
                        if matches!(
                            import.ty,
                            wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_)
                        ) {
                            imported += 1;
                        }
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push(&wasm[range.start..range.end]);
            }
            Payload::CustomSection(section) => {
                let name = section.name();
                if name.starts_with(".debug_")
                    || name.starts_with("reloc.")
                    || name == "linking"
                    || name == "sourceMappingURL"
                {
                    return Err(Error::new(format!(
                        "custom section `{name}` refers to code offsets or function indices; \
                         strip it before reordering"
                    )));
                }
            }
            _ => {}
        }
    }
    Ok(Functions { imported, bodies })
}

/// Rewrites `wasm` with its defined functions in the given order: `order[p]` is the
/// position, among the defined functions of `wasm`, of the function that becomes the
/// `p`-th defined function of the result.
///
/// # Errors
///
/// When `wasm` cannot be read (see [`functions`]) or `order` is not a permutation of the
/// defined functions.
pub fn permute(wasm: &[u8], order: &[u32]) -> Result<Vec<u8>, Error> {
    let functions = functions(wasm)?;
    let count = functions.bodies.len();
    if order.len() != count {
        return Err(Error::new(format!(
            "the order has {} functions, the module defines {count}",
            order.len()
        )));
    }
    let mut new_of_old = vec![u32::MAX; count];
    for (new, &old) in order.iter().enumerate() {
        let slot = new_of_old
            .get_mut(old as usize)
            .ok_or_else(|| Error::new(format!("function {old} is not in the module")))?;
        if *slot != u32::MAX {
            return Err(Error::new(format!("function {old} is twice in the order")));
        }
        *slot = u32::try_from(new).map_err(|_| Error::new("too many functions"))?;
    }
    let mut permuter = Permuter {
        imported: functions.imported,
        order,
        new_of_old,
    };
    let mut module = wasm_encoder::Module::new();
    permuter.parse_core_module(&mut module, Parser::new(0), wasm)?;
    Ok(module.finish())
}

/// Validates `wasm` with the features that `wasmparser` enables by default.
///
/// # Errors
///
/// When the module is not valid.
pub fn validate(wasm: &[u8]) -> Result<(), Error> {
    wasmparser::Validator::new()
        .validate_all(wasm)
        .map(|_| ())
        .map_err(|err| Error::new(format!("the module does not validate: {err}")))
}

/// A [`Reencode`] that moves the defined functions and renumbers every reference to them.
struct Permuter<'o> {
    imported: u32,
    order: &'o [u32],
    new_of_old: Vec<u32>,
}

impl Permuter<'_> {
    fn new_index(&self, func: u32) -> Result<u32, reencode::Error<String>> {
        let Some(defined) = func.checked_sub(self.imported) else {
            return Ok(func);
        };
        self.new_of_old
            .get(defined as usize)
            .map(|&new| self.imported + new)
            .ok_or_else(|| reencode::Error::UserError(format!("no function {func}")))
    }

    fn permuted<T: Clone>(&self, items: &[T]) -> Result<Vec<T>, reencode::Error<String>> {
        if items.len() != self.order.len() {
            return Err(reencode::Error::UserError(format!(
                "{} entries for {} functions",
                items.len(),
                self.order.len()
            )));
        }
        Ok(self
            .order
            .iter()
            .map(|&old| items[old as usize].clone())
            .collect())
    }

    fn name_map(
        &self,
        map: wasmparser::NameMap<'_>,
        renumber: bool,
    ) -> Result<wasm_encoder::NameMap, reencode::Error<String>> {
        let mut names = Vec::new();
        for naming in map {
            let naming = naming?;
            let index = if renumber {
                self.new_index(naming.index)?
            } else {
                naming.index
            };
            names.push((index, naming.name));
        }
        // Name maps are sorted by index.
        names.sort_by_key(|&(index, _)| index);
        let mut out = wasm_encoder::NameMap::new();
        for (index, name) in names {
            out.append(index, name);
        }
        Ok(out)
    }

    fn indirect_name_map(
        &self,
        map: wasmparser::IndirectNameMap<'_>,
    ) -> Result<wasm_encoder::IndirectNameMap, reencode::Error<String>> {
        let mut entries = Vec::new();
        for naming in map {
            let naming = naming?;
            entries.push((
                self.new_index(naming.index)?,
                self.name_map(naming.names, false)?,
            ));
        }
        entries.sort_by_key(|&(index, _)| index);
        let mut out = wasm_encoder::IndirectNameMap::new();
        for (index, names) in &entries {
            out.append(*index, names);
        }
        Ok(out)
    }
}

impl Reencode for Permuter<'_> {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, reencode::Error<String>> {
        self.new_index(func)
    }

    fn parse_function_section(
        &mut self,
        functions: &mut wasm_encoder::FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error<String>> {
        let types = section.into_iter().collect::<Result<Vec<u32>, _>>()?;
        for ty in self.permuted(&types)? {
            functions.function(self.type_index(ty)?);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), reencode::Error<String>> {
        let bodies = section
            .into_iter()
            .collect::<Result<Vec<FunctionBody<'_>>, _>>()?;
        for body in self.permuted(&bodies)? {
            self.parse_function_body(code, body)?;
        }
        Ok(())
    }

    fn parse_custom_name_subsection(
        &mut self,
        names: &mut wasm_encoder::NameSection,
        section: wasmparser::Name<'_>,
    ) -> Result<(), reencode::Error<String>> {
        match section {
            wasmparser::Name::Function(map) => names.functions(&self.name_map(map, true)?),
            wasmparser::Name::Local(map) => names.locals(&self.indirect_name_map(map)?),
            wasmparser::Name::Label(map) => names.labels(&self.indirect_name_map(map)?),
            other => return reencode::utils::parse_custom_name_subsection(self, names, other),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
        Function, FunctionSection, GlobalSection, GlobalType, ImportSection, Instruction, Module,
        NameMap, NameSection, RefType, StartSection, TableSection, TableType, TypeSection, ValType,
    };

    /// The defined functions of the test module, by logical name: (type, body), the body
    /// written against `index`, which gives the function index of a logical function.
    fn body(logical: u32, index: &dyn Fn(u32) -> u32) -> (u32, Function) {
        let mut f = Function::new([(1, ValType::I32)]);
        let ty = match logical {
            // f0: () -> i32: f1(7)
            0 => {
                f.instruction(&Instruction::I32Const(7));
                f.instruction(&Instruction::Call(index(1)));
                0
            }
            // f1: (i32) -> i32: imp(x) + 1
            1 => {
                f.instruction(&Instruction::LocalGet(0));
                f.instruction(&Instruction::Call(0));
                f.instruction(&Instruction::I32Const(1));
                f.instruction(&Instruction::I32Add);
                1
            }
            // f2: () -> i32: table[0]()
            2 => {
                f.instruction(&Instruction::I32Const(0));
                f.instruction(&Instruction::CallIndirect {
                    type_index: 0,
                    table_index: 0,
                });
                0
            }
            // f3: () -> (), the start function: takes a reference to f2.
            3 => {
                f.instruction(&Instruction::RefFunc(index(2)));
                f.instruction(&Instruction::Drop);
                2
            }
            // f4: () -> i32: 42
            _ => {
                f.instruction(&Instruction::I32Const(42));
                0
            }
        };
        f.instruction(&Instruction::End);
        (ty, f)
    }

    /// The test module with its five defined functions in `order` (logical names).
    fn module(order: &[u32]) -> Vec<u8> {
        let position = |logical: u32| order.iter().position(|&l| l == logical).unwrap();
        let index = move |logical: u32| 1 + position(logical) as u32;
        let mut types = TypeSection::new();
        types.ty().function([], [ValType::I32]);
        types.ty().function([ValType::I32], [ValType::I32]);
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import("env", "imp", EntityType::Function(1));
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for &logical in order {
            let (ty, f) = body(logical, &index);
            functions.function(ty);
            code.function(&f);
        }
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: 2,
            maximum: None,
            shared: false,
        });
        let mut globals = GlobalSection::new();
        globals.global(
            GlobalType {
                val_type: ValType::FUNCREF,
                mutable: false,
                shared: false,
            },
            &ConstExpr::ref_func(index(4)),
        );
        let mut exports = ExportSection::new();
        exports.export("main", ExportKind::Func, index(0));
        exports.export("indirect", ExportKind::Func, index(2));
        exports.export("table", ExportKind::Table, 0);
        let mut elements = ElementSection::new();
        let items = [index(4), index(0)];
        elements.active(
            Some(0),
            &ConstExpr::i32_const(0),
            Elements::Functions(items.as_slice().into()),
        );
        let mut names = NameMap::new();
        names.append(0, "imp");
        let mut by_index: Vec<(u32, String)> =
            (0..5).map(|l| (index(l), format!("f{l}"))).collect();
        by_index.sort();
        for (i, name) in &by_index {
            names.append(*i, name);
        }
        let mut locals = wasm_encoder::IndirectNameMap::new();
        let mut local = NameMap::new();
        local.append(0, "x");
        locals.append(index(1), &local);
        let mut name_section = NameSection::new();
        name_section.functions(&names);
        name_section.locals(&locals);

        let mut module = Module::new();
        module.section(&types);
        module.section(&imports);
        module.section(&functions);
        module.section(&tables);
        module.section(&globals);
        module.section(&exports);
        module.section(&StartSection {
            function_index: index(3),
        });
        module.section(&elements);
        module.section(&code);
        module.section(&name_section);
        module.finish()
    }

    #[test]
    fn the_test_module_is_valid() {
        validate(&module(&[0, 1, 2, 3, 4])).unwrap();
        validate(&module(&[3, 1, 4, 0, 2])).unwrap();
    }

    #[test]
    fn the_identity_order_gives_the_same_bytes() {
        let wasm = module(&[0, 1, 2, 3, 4]);
        assert_eq!(permute(&wasm, &[0, 1, 2, 3, 4]).unwrap(), wasm);
    }

    #[test]
    fn every_order_gives_the_module_built_in_that_order() {
        // Calls, ref.func in code and in a global, the element segment, the exports, the
        // start function and the name section all follow the functions.
        let wasm = module(&[0, 1, 2, 3, 4]);
        for order in [
            [4, 3, 2, 1, 0],
            [3, 1, 4, 0, 2],
            [1, 0, 2, 3, 4],
            [2, 4, 0, 3, 1],
        ] {
            let out = permute(&wasm, &order).unwrap();
            validate(&out).unwrap();
            assert_eq!(out, module(&order), "order {order:?}");
            // And back again.
            let mut back = [0u32; 5];
            for (p, &old) in order.iter().enumerate() {
                back[old as usize] = p as u32;
            }
            assert_eq!(permute(&out, &back).unwrap(), wasm);
        }
    }

    #[test]
    fn functions_reads_the_imports_and_the_bodies() {
        let wasm = module(&[0, 1, 2, 3, 4]);
        let functions = functions(&wasm).unwrap();
        assert_eq!(functions.imported, 1);
        assert_eq!(functions.bodies.len(), 5);
        // f4: one local group (1 × i32), i32.const 42, end.
        assert_eq!(functions.bodies[4], &[0x01, 0x01, 0x7f, 0x41, 42, 0x0b]);
    }

    #[test]
    fn an_order_that_is_not_a_permutation_is_refused() {
        let wasm = module(&[0, 1, 2, 3, 4]);
        assert!(permute(&wasm, &[0, 1, 2, 3]).is_err());
        assert!(permute(&wasm, &[0, 1, 2, 3, 3]).is_err());
        assert!(permute(&wasm, &[0, 1, 2, 3, 5]).is_err());
    }

    #[test]
    fn sections_that_point_into_the_code_are_refused() {
        let mut wasm = module(&[0, 1, 2, 3, 4]);
        let mut custom = Module::new();
        custom.section(&wasm_encoder::CustomSection {
            name: ".debug_info".into(),
            data: [0u8; 4].as_slice().into(),
        });
        // A module's header is 8 bytes; append the custom section alone.
        wasm.extend_from_slice(&custom.finish()[8..]);
        assert!(functions(&wasm).is_err());
        assert!(permute(&wasm, &[0, 1, 2, 3, 4]).is_err());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(functions(b"not wasm").is_err());
        assert!(permute(b"\0asm\x01\0\0\0\x0a\x05", &[]).is_err());
    }
}
