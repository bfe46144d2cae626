//! The benches that run the sentence encoder allocate as the `parallax` binary does: with
//! glibc's allocator the encoder's large buffers go back to the kernel after each layer and
//! are faulted in afresh for the next (see the binary's Cargo.toml).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
