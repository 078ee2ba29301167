//! The `kolmonen` command: everything it does is in the library (`kolmonen::cli`).

fn main() -> anyhow::Result<()> {
    kolmonen::cli::main()
}
