// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice A BN254 G1 point in affine coordinates, exactly as the EIP-196 precompiles take it
///         (docs/protocol.md §2.2). The identity `O` is encoded `(0, 0)`.
/// @param x The x coordinate, `x < p`.
/// @param y The y coordinate, `y < p`.
struct Point {
    uint256 x;
    uint256 y;
}

/// @notice An exponential ElGamal ciphertext `(α, β) = (ρG, ρK + mG)` (§2.3, §4.2).
/// @param alpha `α = ρG`.
/// @param beta `β = ρK + mG`.
struct Ciphertext {
    Point alpha;
    Point beta;
}

/// @notice Option proof that a ciphertext encrypts 0 or 1 (§5.2.2): 4 points and 3 scalars,
///         `c₁` is derived as `c − c₀ mod r`.
/// @param a0 Commitment `a₀` of branch 0.
/// @param b0 Commitment `b₀` of branch 0.
/// @param a1 Commitment `a₁` of branch 1.
/// @param b1 Commitment `b₁` of branch 1.
/// @param c0 Challenge share `c₀` of branch 0.
/// @param v0 Response `v₀` of branch 0.
/// @param v1 Response `v₁` of branch 1.
struct ZeroOneProof {
    Point a0;
    Point b0;
    Point a1;
    Point b1;
    uint256 c0;
    uint256 v0;
    uint256 v1;
}

/// @notice Disjunctive Chaum–Pedersen range proof (§5.1) as used by the selection proof
///         (§5.3.2): `L` branches, the last challenge share is derived.
/// @param a Commitments `a₀ … a_{L−1}`.
/// @param b Commitments `b₀ … b_{L−1}`.
/// @param c Challenge shares `c₀ … c_{L−2}` (length `L − 1`).
/// @param v Responses `v₀ … v_{L−1}`.
struct RangeProof {
    Point[] a;
    Point[] b;
    uint256[] c;
    uint256[] v;
}

/// @notice Schnorr proof of knowledge of a coefficient `a` with `C = aG` (§5.4.1).
/// @param h Commitment `h = wG`.
/// @param u Response `u = w + c·a`.
struct SchnorrProof {
    Point h;
    uint256 u;
}

/// @notice Chaum–Pedersen discrete-log-equality proof in commitment form, used by the
///         decryption proof (§5.5.1) and the complaint proof (§5.6.1); the challenge is
///         recomputed by the verifier.
/// @param a Commitment `a = wG`.
/// @param b Commitment `b = wA` (decryption) or `b = wE` (complaint).
/// @param v Response `v = w + c·secret`.
struct DleqProof {
    Point a;
    Point b;
    uint256 v;
}
