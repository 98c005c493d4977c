// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "../crypto/BN254.sol";
import {Ciphertext, Point} from "../crypto/CryptoTypes.sol";

/// @title Encrypted totals stored as compressed points
/// @notice Each total point is stored in one word, `x | (y mod 2) << 255` (x < p < 2²⁵⁴), and the
///         identity as `0` (no curve point has x = 0, since 3 is not a square mod p). Two storage
///         words per option instead of four halve the storage writes of every ballot; reading a
///         total costs one modexp square root per point, `y = (x³ + 3)^((p+1)/4) mod p`
///         (p ≡ 3 mod 4). Only values the contract computed itself are ever stored, so every
///         stored word decodes to a point on the curve.
library PackedTotals {
    uint256 private constant P =
        21888242871839275222246405745257275088696311157297823662689037894645226208583;
    uint256 private constant X_MASK = (1 << 255) - 1;
    /// @dev (p + 1) / 4.
    uint256 private constant SQRT_EXPONENT =
        5472060717959818805561601436314318772174077789324455915672259473661306552146;

    /// @notice Packs a point (the identity as 0).
    /// @param pt A curve point or the identity `(0, 0)`.
    /// @return The word `x | (y mod 2) << 255`, or 0.
    function pack(Point memory pt) internal pure returns (uint256) {
        if (pt.x == 0 && pt.y == 0) return 0;
        return pt.x | ((pt.y & 1) << 255);
    }

    /// @notice Unpacks a stored word into a point.
    /// @param word A word written by {pack}.
    /// @return pt The point, `(0, 0)` for 0.
    function unpack(uint256 word) internal view returns (Point memory pt) {
        if (word == 0) return pt;
        uint256 x = word & X_MASK;
        uint256 y = _sqrt(addmod(mulmod(mulmod(x, x, P), x, P), 3, P));
        if ((y & 1) != (word >> 255)) y = P - y;
        pt = Point(x, y);
    }

    /// @notice Reads option `option`'s total from `words` (two words per option).
    /// @param words A contest's packed totals.
    /// @param option The option index.
    /// @return The total `(α, β)`.
    function load(
        uint256[] storage words,
        uint256 option
    ) internal view returns (Ciphertext memory) {
        return Ciphertext(unpack(words[2 * option]), unpack(words[2 * option + 1]));
    }

    /// @notice Writes option `option`'s total.
    /// @param words A contest's packed totals.
    /// @param option The option index.
    /// @param total The total `(α, β)` to store.
    function store(uint256[] storage words, uint256 option, Ciphertext memory total) internal {
        words[2 * option] = pack(total.alpha);
        words[2 * option + 1] = pack(total.beta);
    }

    /// @notice Square root mod p through the modexp precompile `0x05`: `a^((p+1)/4) mod p`.
    /// @param a A quadratic residue mod p.
    /// @return result A square root of `a`.
    function _sqrt(uint256 a) private view returns (uint256 result) {
        bool ok;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            mstore(add(m, 0x20), 0x20)
            mstore(add(m, 0x40), 0x20)
            mstore(add(m, 0x60), a)
            mstore(add(m, 0x80), SQRT_EXPONENT)
            mstore(add(m, 0xa0), P)
            ok := staticcall(gas(), 0x05, m, 0xc0, m, 0x20)
            result := mload(m)
        }
        if (!ok) revert BN254.BN254PrecompileFailed(0x05);
    }
}
