// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, Point} from "./CryptoTypes.sol";

/// @title Exponential ElGamal homomorphic operations
/// @notice docs/protocol.md §4.3:
///         `(α₁, β₁) + (α₂, β₂) = (α₁ + α₂, β₁ + β₂)` encrypts `m₁ + m₂` with nonce `ρ₁ + ρ₂`;
///         `(α₁, β₁) − (α₂, β₂) = (α₁ − α₂, β₁ − β₂)` encrypts `m₁ − m₂` with nonce `ρ₁ − ρ₂`;
///         the empty sum is `(O, O)`.
/// @dev Inputs must be points on the curve or `O` (validate received ciphertexts with §2.3
///      first); results may be `O`, encoded `(0, 0)`.
library ElGamal {
    /// @notice §4.3 homomorphic addition.
    /// @param x First ciphertext.
    /// @param y Second ciphertext.
    /// @return sum `(α₁ + α₂, β₁ + β₂)` (freshly allocated).
    function add(
        Ciphertext memory x,
        Ciphertext memory y
    ) internal view returns (Ciphertext memory sum) {
        sum = Ciphertext(BN254.add(x.alpha, y.alpha), BN254.add(x.beta, y.beta));
    }

    /// @notice §4.3 homomorphic subtraction.
    /// @param x First ciphertext.
    /// @param y Second ciphertext.
    /// @return difference `(α₁ − α₂, β₁ − β₂)` (freshly allocated).
    function sub(
        Ciphertext memory x,
        Ciphertext memory y
    ) internal view returns (Ciphertext memory difference) {
        difference = Ciphertext(BN254.sub(x.alpha, y.alpha), BN254.sub(x.beta, y.beta));
    }

    /// @notice §4.3/§5.3.1 aggregate `(A, B) = (Σαᵢ, Σβᵢ)`; `(O, O)` for an empty array.
    /// @dev `2·(n − 1)` ecAdd calls for `n ≥ 1` ciphertexts; the inputs are not modified.
    /// @param cts The ciphertexts.
    /// @return total The aggregate (freshly allocated).
    function aggregate(Ciphertext[] memory cts) internal view returns (Ciphertext memory total) {
        uint256 n = cts.length;
        if (n == 0) return Ciphertext(Point(0, 0), Point(0, 0));
        Ciphertext memory first = cts[0];
        total = Ciphertext(Point(first.alpha.x, first.alpha.y), Point(first.beta.x, first.beta.y));
        for (uint256 i = 1; i < n; ++i) {
            Ciphertext memory ct = cts[i];
            BN254.addAssign(total.alpha, ct.alpha);
            BN254.addAssign(total.beta, ct.beta);
        }
    }
}
