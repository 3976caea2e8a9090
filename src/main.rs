//! The `verso` binary: everything is in the library; see [`verso::cli`].

fn main() {
    std::process::exit(verso::cli::main());
}
