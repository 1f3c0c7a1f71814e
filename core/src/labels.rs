//! `labelled_enum!`: declares a snake_case enum whose every variant carries a Japanese and
//! an English label (`label_ja()`, `label_en()`, `ALL`). Used by every area's model.

macro_rules! labelled_enum {
    ($(#[$doc:meta])* $name:ident { $( $(#[$m:meta])* $variant:ident => $ja:literal, $en:literal; )* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$m])* $variant, )*
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// 日本語ラベル / Japanese label.
            pub const fn label_ja(self) -> &'static str {
                match self { $($name::$variant => $ja,)* }
            }
            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)* }
            }
        }
    };
}
pub(crate) use labelled_enum;
