//! Two derives of kyoten-core from serde's attributes: `#[derive(Emit)]`, the JSON
//! writer of reports and results (`kyoten_core::emit::Emit`, documented at
//! [`derive_emit`]), and, below, the reader:
//!
//! `#[derive(Recover)]`: the reading code of kyoten-core's recovering reader
//! (`kyoten_core::input::Recover`, the slow path of `input::read_with`), generated from
//! the SAME `#[serde(...)]` attributes that serde's `#[derive(Deserialize)]` reads, so the
//! two readers agree on every name, default and choice.
//!
//! A struct becomes one walk over the object that fills one slot per field (the field
//! names are one `&'static [&'static str]` table, as serde's), then one small generic
//! call per field; an enumeration becomes its choice's position in the choices' names
//! and a `match`. The code per type is small and the per-field helpers are generic over
//! the field's type only, so that a field type costs its code once (issue 19: the WASM
//! form module's size).
//!
//! Any serde attribute this derive does not understand is a compile error, so the two
//! derives can never silently disagree. Understood: on containers `rename`,
//! `rename_all` (`snake_case`, `lowercase`, `kebab-case`), `default`,
//! `deny_unknown_fields`, `transparent`; on fields `rename`, `default`,
//! `default = "path"`; on choices `rename`; `skip_serializing_if` (writing only) is
//! ignored. Data-carrying choices: unit and one-value (newtype) choices, externally
//! tagged, as serde's default. An enumeration of choices without values must be
//! `Clone` (its reading picks the choice from a table).
//!
//! The generated code refers to `crate::input::…`: it is for kyoten-core's own types.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Error, Fields, LitStr, Member, Path, Type};

/// Derives `crate::input::Recover` for a struct or an enumeration of kyoten-core's input
/// model (see the crate documentation).
#[proc_macro_derive(Recover, attributes(serde))]
pub fn derive_recover(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// serde's `rename_all` rules that the model uses.
#[derive(Clone, Copy)]
enum Rule {
    Snake,
    Lower,
    Kebab,
}

impl Rule {
    fn parse(s: &LitStr) -> Result<Rule, Error> {
        match s.value().as_str() {
            "snake_case" => Ok(Rule::Snake),
            "lowercase" => Ok(Rule::Lower),
            "kebab-case" => Ok(Rule::Kebab),
            _ => Err(Error::new(
                s.span(),
                "kyoten-derive: this rename_all rule is not supported (snake_case, lowercase, kebab-case)",
            )),
        }
    }
    /// A choice's name (written PascalCase), as serde's `RenameRule::apply_to_variant`.
    fn variant(self, name: &str) -> String {
        match self {
            Rule::Lower => name.to_ascii_lowercase(),
            Rule::Snake | Rule::Kebab => {
                let mut out = String::new();
                for (i, c) in name.char_indices() {
                    if c.is_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                if matches!(self, Rule::Kebab) {
                    out = out.replace('_', "-");
                }
                out
            }
        }
    }
    /// A field's name (written snake_case), as serde's `RenameRule::apply_to_field`.
    fn field(self, name: &str) -> String {
        match self {
            Rule::Lower | Rule::Snake => name.to_owned(),
            Rule::Kebab => name.replace('_', "-"),
        }
    }
}

#[derive(Default)]
struct Container {
    rename: Option<String>,
    rename_all: Option<Rule>,
    default: bool,
    transparent: bool,
}

enum FieldDefault {
    None,
    Default,
    Path(Path),
}

struct FieldAttrs {
    rename: Option<String>,
    default: FieldDefault,
}

/// Walks the `#[serde(...)]` attributes, calling `f` for each item. Items named in
/// `other` belong to the other derive (the reader's or the writer's) and are skipped with
/// their `= "…"`; anything else `f` does not take is an error, naming `who` (the derive).
fn serde_items(
    attrs: &[Attribute],
    who: &str,
    other: &[&str],
    mut f: impl FnMut(&syn::meta::ParseNestedMeta<'_>, &str) -> Result<bool, Error>,
) -> Result<(), Error> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(|i| i.to_string())
                .unwrap_or_default();
            if other.contains(&name.as_str()) {
                if meta.input.peek(syn::Token![=]) {
                    let _: LitStr = meta.value()?.parse()?;
                }
                return Ok(());
            }
            if f(&meta, &name)? {
                Ok(())
            } else {
                Err(meta.error(format!(
                    "kyoten-derive: serde attribute `{name}` is not understood by {who} (add it to kyoten-derive, or the two would disagree)"
                )))
            }
        })?;
    }
    Ok(())
}

/// The attributes that only the writer reads.
const WRITING_ONLY: &[&str] = &["skip_serializing_if"];
/// Who the reader's derive is, in its error messages.
const READER: &str = "the recovering reader's derive";

/// A choice's `rename`, the only attribute a choice may carry (besides those in `other`,
/// skipped).
fn variant_attrs(attrs: &[Attribute], who: &str, other: &[&str]) -> Result<Option<String>, Error> {
    let mut rename = None;
    serde_items(attrs, who, other, |meta, name| {
        match name {
            "rename" => rename = Some(meta.value()?.parse::<LitStr>()?.value()),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(rename)
}

/// `impl<…> Trait for Type { items }`, each type parameter bound by the trait; unions
/// are refused (`verb`: "read" or "written").
fn implement(
    input: &DeriveInput,
    trait_path: Tokens,
    verb: &str,
    items: impl FnOnce(&Data) -> Result<Tokens, Error>,
) -> Result<Tokens, Error> {
    if let Data::Union(u) = &input.data {
        return Err(Error::new(
            u.union_token.span(),
            format!("kyoten-derive: unions are not {verb}"),
        ));
    }
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    for p in generics.type_params_mut() {
        p.bounds.push(syn::parse_quote!(#trait_path));
    }
    let (imp, ty, wh) = generics.split_for_impl();
    let items = items(&input.data)?;
    Ok(quote! {
        #[automatically_derived]
        impl #imp #trait_path for #ident #ty #wh {
            #items
        }
    })
}

fn container(attrs: &[Attribute]) -> Result<Container, Error> {
    let mut c = Container::default();
    serde_items(attrs, READER, WRITING_ONLY, |meta, name| {
        match name {
            "rename" => c.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
            "rename_all" => c.rename_all = Some(Rule::parse(&meta.value()?.parse()?)?),
            "default" => {
                if meta.input.peek(syn::Token![=]) {
                    return Err(
                        meta.error("kyoten-derive: container `default = \"…\"` is not supported")
                    );
                }
                c.default = true;
            }
            // Every struct is read so (unknown keys are noted and left out).
            "deny_unknown_fields" => {}
            "transparent" => c.transparent = true,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(c)
}

fn field_attrs(attrs: &[Attribute]) -> Result<FieldAttrs, Error> {
    let mut a = FieldAttrs {
        rename: None,
        default: FieldDefault::None,
    };
    serde_items(attrs, READER, WRITING_ONLY, |meta, name| {
        match name {
            "rename" => a.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
            "default" => {
                a.default = if meta.input.peek(syn::Token![=]) {
                    FieldDefault::Path(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    FieldDefault::Default
                };
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(a)
}

fn expand(input: &DeriveInput) -> Result<Tokens, Error> {
    let c = container(&input.attrs)?;
    implement(
        input,
        quote!(crate::input::Recover),
        "read",
        |data| match data {
            Data::Struct(s) => structure(&c, &s.fields),
            Data::Enum(e) => enumeration(&c, &input.ident, e),
            Data::Union(_) => Ok(Tokens::new()),
        },
    )
}

fn structure(c: &Container, fields: &Fields) -> Result<Tokens, Error> {
    if c.rename_all.is_some() && c.transparent {
        return Err(Error::new(
            Span::call_site(),
            "kyoten-derive: rename_all with transparent",
        ));
    }
    let list: Vec<&syn::Field> = fields.iter().collect();
    let newtype = matches!(fields, Fields::Unnamed(_)) && list.len() == 1;
    if c.transparent || newtype {
        // serde: `transparent` reads the one field as the whole value (an absent field
        // is read as its type reads an absent field); a newtype struct reads the same
        // value (`deserialize_newtype_struct`), but an absent one is missing.
        let [field] = list.as_slice() else {
            return Err(Error::new(
                Span::call_site(),
                "kyoten-derive: transparent with more than one field",
            ));
        };
        let a = field_attrs(&field.attrs)?;
        if a.rename.is_some() || !matches!(a.default, FieldDefault::None) {
            return Err(Error::new(
                field.span(),
                "kyoten-derive: attributes on a transparent field",
            ));
        }
        let ty = &field.ty;
        let member = match &field.ident {
            Some(i) => Member::Named(i.clone()),
            None => Member::Unnamed(0.into()),
        };
        let missing = if c.transparent {
            quote! {
                const OPTIONAL: bool = <#ty as crate::input::Recover>::OPTIONAL;
                fn absent() -> ::core::option::Option<Self> {
                    <#ty as crate::input::Recover>::absent().map(|v| Self { #member: v })
                }
            }
        } else {
            quote! {}
        };
        return Ok(quote! {
            fn read_into(n: crate::input::reader::Node<'_, '_>, out: &mut ::core::option::Option<Self>) -> ::core::result::Result<(), crate::input::reader::Error> {
                *out = ::core::option::Option::Some(Self { #member: crate::input::reader::read::<#ty>(n)? });
                ::core::result::Result::Ok(())
            }
            #missing
        });
    }
    let Fields::Named(_) = fields else {
        return Err(Error::new(
            fields.span(),
            "kyoten-derive: only structs with named fields, newtype and transparent structs are read",
        ));
    };
    let mut names = Vec::new();
    let mut required = Vec::new();
    let mut types = Vec::new();
    let mut slots = Vec::new();
    let mut absents = Vec::new();
    let mut nones = Vec::new();
    let mut patterns = Vec::new();
    let mut inits = Vec::new();
    for (i, f) in list.iter().enumerate() {
        let a = field_attrs(&f.attrs)?;
        let Some(id) = &f.ident else {
            return Err(Error::new(f.span(), "kyoten-derive: unnamed field"));
        };
        let raw = id.unraw().to_string();
        let name = match (&a.rename, c.rename_all) {
            (Some(r), _) => r.clone(),
            (None, Some(rule)) => rule.field(&raw),
            (None, None) => raw,
        };
        let ty: &Type = &f.ty;
        let index = syn::Index::from(i);
        let value = format_ident!("v{}", i);
        types.push(quote! { ::core::option::Option<#ty> });
        nones.push(quote! { ::core::option::Option::None });
        slots.push(quote! { &mut s.#index as &mut dyn crate::input::reader::Slot });
        let has_default = !matches!(a.default, FieldDefault::None) || c.default;
        if has_default {
            required.push(quote! { false });
            patterns.push(quote! { #value });
        } else {
            // Absent: an error (the walk raised it) or, for an optional type, its
            // absent value.
            required.push(quote! { !<#ty as crate::input::Recover>::OPTIONAL });
            absents.push(quote! {
                if <#ty as crate::input::Recover>::OPTIONAL && s.#index.is_none() {
                    s.#index = <#ty as crate::input::Recover>::absent();
                }
            });
            patterns.push(quote! { ::core::option::Option::Some(#value) });
        }
        let init = match (&a.default, c.default) {
            (FieldDefault::Default, _) => quote! { #value.unwrap_or_default() },
            (FieldDefault::Path(p), _) => quote! {
                match #value { ::core::option::Option::Some(v) => v, ::core::option::Option::None => #p() }
            },
            (FieldDefault::None, true) => quote! {
                match #value { ::core::option::Option::Some(v) => v, ::core::option::Option::None => __default.#id }
            },
            (FieldDefault::None, false) => quote! { #value },
        };
        inits.push(quote! { #id: #init });
        names.push(name);
    }
    let default = if c.default {
        quote! { let __default: Self = ::core::default::Default::default(); }
    } else {
        quote! {}
    };
    // One slot per field in one tuple (one drop for every way out), walked by the one
    // object walk; an absent field of an optional type given its absent value in place;
    // then the values moved out of the slots in one match (not through a second tuple:
    // a copy of every field), without an early return per field (each would drop what
    // is left: code per field and per pair of fields).
    Ok(quote! {
        fn read_into(n: crate::input::reader::Node<'_, '_>, out: &mut ::core::option::Option<Self>) -> ::core::result::Result<(), crate::input::reader::Error> {
            const FIELDS: &[&str] = &[#(#names),*];
            const REQUIRED: &[bool] = &[#(#required),*];
            let mut s: (#(#types,)*) = (#(#nones,)*);
            let r = match n.fields(FIELDS, REQUIRED, &mut [#(#slots),*]) {
                ::core::result::Result::Ok(()) => {
                    #(#absents)*
                    match s {
                    (#(#patterns,)*) => {
                        #default
                        *out = ::core::option::Option::Some(Self { #(#inits),* });
                        ::core::result::Result::Ok(())
                    }
                    #[allow(unreachable_patterns)]
                    _ => ::core::result::Result::Err(crate::input::reader::Error::Other),
                    }
                }
                ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
            };
            n.end(r.is_err());
            r
        }
    })
}

fn enumeration(c: &Container, ident: &syn::Ident, e: &syn::DataEnum) -> Result<Tokens, Error> {
    if c.default || c.transparent {
        return Err(Error::new(
            Span::call_site(),
            "kyoten-derive: default or transparent on an enumeration",
        ));
    }
    let name = c
        .rename
        .clone()
        .unwrap_or_else(|| ident.unraw().to_string());
    let mut names = Vec::new();
    let mut arms = Vec::new();
    let mut all_unit = true;
    for (i, v) in e.variants.iter().enumerate() {
        let rename = variant_attrs(&v.attrs, READER, WRITING_ONLY)?;
        let raw = v.ident.unraw().to_string();
        names.push(match (rename, c.rename_all) {
            (Some(r), _) => r,
            (None, Some(rule)) => rule.variant(&raw),
            (None, None) => raw,
        });
        let vid = &v.ident;
        match &v.fields {
            Fields::Unit => arms.push((i, quote! { #ident::#vid }, true)),
            Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                for f in &u.unnamed {
                    let a = field_attrs(&f.attrs)?;
                    if a.rename.is_some() || !matches!(a.default, FieldDefault::None) {
                        return Err(Error::new(
                            f.span(),
                            "kyoten-derive: attributes on a choice's value are not read",
                        ));
                    }
                }
                all_unit = false;
                arms.push((i, quote! { #ident::#vid }, false));
            }
            other => {
                return Err(Error::new(
                    other.span(),
                    "kyoten-derive: only unit and one-value choices are read",
                ));
            }
        }
    }
    if all_unit {
        // The choices in order: the position is the choice (no branch per choice). The
        // position is always one of the choices' (the reader's own), so there is no
        // error, and no branch to build one.
        let all: Vec<&Tokens> = arms.iter().map(|(_, v, _)| v).collect();
        let Some(first) = all.first() else {
            return Err(Error::new(
                Span::call_site(),
                "kyoten-derive: an enumeration without choices",
            ));
        };
        return Ok(quote! {
            fn read_into(n: crate::input::reader::Node<'_, '_>, out: &mut ::core::option::Option<Self>) -> ::core::result::Result<(), crate::input::reader::Error> {
                const VARIANTS: &[&str] = &[#(#names),*];
                const ALL: &[#ident] = &[#(#all),*];
                *out = ::core::option::Option::Some(
                    ALL.get(n.unit_choice(#name, VARIANTS)).cloned().unwrap_or(#first),
                );
                ::core::result::Result::Ok(())
            }
        });
    }
    let arms = arms.iter().map(|(i, v, unit)| {
        if *unit {
            quote! { #i => { c.unit(); ::core::result::Result::Ok(#v) } }
        } else {
            quote! { #i => c.newtype().map(#v), }
        }
    });
    Ok(quote! {
        fn read_into(n: crate::input::reader::Node<'_, '_>, out: &mut ::core::option::Option<Self>) -> ::core::result::Result<(), crate::input::reader::Error> {
            const VARIANTS: &[&str] = &[#(#names),*];
            let c = n.choice(#name, VARIANTS);
            let r = match c.index() {
                #(#arms)*
                _ => ::core::result::Result::Err(crate::input::reader::Error::Other),
            };
            n.end(r.is_err());
            *out = ::core::option::Option::Some(r?);
            ::core::result::Result::Ok(())
        }
    })
}

/// Derives `crate::emit::Emit` (kyoten-core's JSON writer) for a struct or an enumeration
/// of kyoten-core's output types, from the same `#[serde(...)]` attributes that serde's
/// `#[derive(Serialize)]` reads, so that both write the same text. Understood: on
/// containers `rename_all` (`snake_case`, `lowercase`, `kebab-case`), `transparent`, and
/// the reading-only `rename`, `default`, `deny_unknown_fields`; on fields `rename`,
/// `skip_serializing_if`, and the reading-only `default`; on choices `rename`. Structs
/// with named fields, newtype and transparent structs; enumerations of unit and
/// one-value choices (externally tagged, as serde's default). Any other serde attribute
/// or shape is a compile error.
#[proc_macro_derive(Emit, attributes(serde))]
pub fn derive_emit(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    match emit::expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

mod emit {
    use super::{Rule, serde_items};
    use proc_macro2::{Span, TokenStream as Tokens};
    use quote::quote;
    use syn::ext::IdentExt;
    use syn::spanned::Spanned;
    use syn::{Attribute, Data, DeriveInput, Error, Fields, LitStr, Member, Path};

    /// Who the writer's derive is, in its error messages.
    const WRITER: &str = "the JSON writer's derive";

    struct Container {
        rename_all: Option<Rule>,
        transparent: bool,
    }

    fn container(attrs: &[Attribute]) -> Result<Container, Error> {
        let mut c = Container {
            rename_all: None,
            transparent: false,
        };
        // Reading only (or the type's name, which JSON does not show).
        let other = &["rename", "default", "deny_unknown_fields"];
        serde_items(attrs, WRITER, other, |meta, name| {
            match name {
                "rename_all" => c.rename_all = Some(Rule::parse(&meta.value()?.parse()?)?),
                "transparent" => c.transparent = true,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(c)
    }

    struct FieldAttrs {
        rename: Option<String>,
        skip_if: Option<Path>,
    }

    fn field_attrs(attrs: &[Attribute]) -> Result<FieldAttrs, Error> {
        let mut a = FieldAttrs {
            rename: None,
            skip_if: None,
        };
        serde_items(attrs, WRITER, &["default"], |meta, name| {
            match name {
                "rename" => a.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                "skip_serializing_if" => {
                    a.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?);
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(a)
    }

    /// `"name"` as JSON text; names that would need escaping are refused (none does).
    fn quoted(name: &str, span: Span) -> Result<String, Error> {
        if name
            .chars()
            .any(|c| c == '"' || c == '\\' || c.is_control())
        {
            return Err(Error::new(
                span,
                "kyoten-derive: a name that JSON would escape",
            ));
        }
        Ok(format!("\"{name}\""))
    }

    pub(super) fn expand(input: &DeriveInput) -> Result<Tokens, Error> {
        let c = container(&input.attrs)?;
        super::implement(input, quote!(crate::emit::Emit), "written", |data| {
            let body = match data {
                Data::Struct(s) => structure(&c, &s.fields)?,
                Data::Enum(e) => enumeration(&c, &input.ident, e)?,
                Data::Union(_) => Tokens::new(),
            };
            Ok(quote! {
                fn emit(&self, w: &mut crate::emit::JsonOut) {
                    #body
                }
            })
        })
    }

    fn structure(c: &Container, fields: &Fields) -> Result<Tokens, Error> {
        let list: Vec<&syn::Field> = fields.iter().collect();
        let newtype = matches!(fields, Fields::Unnamed(_)) && list.len() == 1;
        if c.transparent || newtype {
            // serde: a transparent or newtype struct writes its one field as the whole
            // value.
            if c.rename_all.is_some() {
                return Err(Error::new(
                    Span::call_site(),
                    "kyoten-derive: rename_all with transparent",
                ));
            }
            let [field] = list.as_slice() else {
                return Err(Error::new(
                    Span::call_site(),
                    "kyoten-derive: transparent with more than one field",
                ));
            };
            let a = field_attrs(&field.attrs)?;
            if a.rename.is_some() || a.skip_if.is_some() {
                return Err(Error::new(
                    field.span(),
                    "kyoten-derive: attributes on a transparent field",
                ));
            }
            let member = match &field.ident {
                Some(i) => Member::Named(i.clone()),
                None => Member::Unnamed(0.into()),
            };
            return Ok(quote! { crate::emit::Emit::emit(&self.#member, w); });
        }
        let Fields::Named(_) = fields else {
            return Err(Error::new(
                fields.span(),
                "kyoten-derive: only structs with named fields, newtype and transparent structs are written",
            ));
        };
        let mut steps = Vec::new();
        for f in list {
            let a = field_attrs(&f.attrs)?;
            let Some(id) = &f.ident else {
                return Err(Error::new(f.span(), "kyoten-derive: unnamed field"));
            };
            let raw = id.unraw().to_string();
            let name = match (&a.rename, c.rename_all) {
                (Some(r), _) => r.clone(),
                (None, Some(rule)) => rule.field(&raw),
                (None, None) => raw,
            };
            quoted(&name, f.span())?;
            // The bare name: the same literal as the reading code's table of names.
            let write = quote! {
                w.name(#name);
                crate::emit::Emit::emit(&self.#id, w);
            };
            let is_none = a.skip_if.as_ref().is_some_and(|p| {
                let names: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
                names == ["Option", "is_none"]
            });
            steps.push(match &a.skip_if {
                // `Option::is_none`: the value inside, written directly (the same text;
                // no call of the option's own writer).
                Some(_) if is_none => quote! {
                    if let ::core::option::Option::Some(v) = &self.#id {
                        w.name(#name);
                        crate::emit::Emit::emit(v, w);
                    }
                },
                Some(p) => quote! { if !#p(&self.#id) { #write } },
                None => write,
            });
        }
        Ok(quote! {
            w.begin_object();
            #(#steps)*
            w.end_object();
        })
    }

    fn enumeration(c: &Container, ident: &syn::Ident, e: &syn::DataEnum) -> Result<Tokens, Error> {
        if c.transparent {
            return Err(Error::new(
                Span::call_site(),
                "kyoten-derive: transparent on an enumeration",
            ));
        }
        let mut unit_ids = Vec::new();
        let mut unit_texts = Vec::new();
        let mut others = Vec::new();
        for v in &e.variants {
            let rename = super::variant_attrs(&v.attrs, WRITER, &[])?;
            let raw = v.ident.unraw().to_string();
            let name = match (rename, c.rename_all) {
                (Some(r), _) => r,
                (None, Some(rule)) => rule.variant(&raw),
                (None, None) => raw,
            };
            quoted(&name, v.span())?;
            let vid = &v.ident;
            match &v.fields {
                Fields::Unit => {
                    unit_ids.push(vid);
                    unit_texts.push(name);
                }
                Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                    for f in &u.unnamed {
                        let a = field_attrs(&f.attrs)?;
                        if a.rename.is_some() || a.skip_if.is_some() {
                            return Err(Error::new(
                                f.span(),
                                "kyoten-derive: attributes on a choice's value are not written",
                            ));
                        }
                    }
                    others.push(quote! {
                        #ident::#vid(v) => {
                            w.begin_object();
                            w.name(#name);
                            crate::emit::Emit::emit(v, w);
                            w.end_object();
                        }
                    });
                }
                other => {
                    return Err(Error::new(
                        other.span(),
                        "kyoten-derive: only unit and one-value choices are written",
                    ));
                }
            }
        }
        if e.variants.is_empty() {
            return Err(Error::new(
                Span::call_site(),
                "kyoten-derive: an enumeration without choices",
            ));
        }
        // The bare names: the same literals as the reading code's table of choices.
        if others.is_empty() {
            // One name per choice: a table, one call.
            return Ok(quote! {
                w.word(match self { #(#ident::#unit_ids => #unit_texts,)* });
            });
        }
        Ok(quote! {
            match self {
                #(#ident::#unit_ids => w.word(#unit_texts),)*
                #(#others)*
            }
        })
    }
}
