//! HSDS 3.0 documents back into our records: `mapping` turns one document into records,
//! `plan` reads many, resolves their references and previews or writes the result.

mod mapping;
mod plan;

pub use mapping::*;
pub use plan::*;
