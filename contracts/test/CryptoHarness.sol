// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "../crypto/BN254.sol";
import {Ciphertext, Point} from "../crypto/CryptoTypes.sol";
import {ElGamal} from "../crypto/ElGamal.sol";
import {Threshold} from "../crypto/Threshold.sol";

/// @title Test harness exposing the internal BN254, ElGamal and Threshold helpers (tests only)
/// @notice Thin external wrappers so that the TypeScript tests can compare each helper with the
///         SDK (noble-curves) directly.
contract CryptoHarness {
    /// @notice {BN254.validatePoint}.
    /// @param pt The point.
    function validatePoint(Point calldata pt) external pure {
        BN254.validatePoint(pt);
    }

    /// @notice {BN254.validatePointOrIdentity}.
    /// @param pt The point.
    function validatePointOrIdentity(Point calldata pt) external pure {
        BN254.validatePointOrIdentity(pt);
    }

    /// @notice {BN254.validateScalar}.
    /// @param s The scalar.
    function validateScalar(uint256 s) external pure {
        BN254.validateScalar(s);
    }

    /// @notice {BN254.allValid} and {BN254.allScalarsValid}.
    /// @param pts Points.
    /// @param scalars Scalars.
    /// @return pointsOk Whether every point is valid.
    /// @return scalarsOk Whether every scalar is valid.
    function allValid(
        Point[] calldata pts,
        uint256[] calldata scalars
    ) external pure returns (bool pointsOk, bool scalarsOk) {
        pointsOk = BN254.allValid(pts);
        scalarsOk = BN254.allScalarsValid(scalars);
    }

    /// @notice {BN254.add}, {BN254.sub}, {BN254.neg}, {BN254.mul}.
    /// @param a First point.
    /// @param b Second point.
    /// @param s Scalar.
    /// @return sum `a + b`.
    /// @return difference `a − b`.
    /// @return negation `−a`.
    /// @return product `s·a`.
    function arithmetic(
        Point calldata a,
        Point calldata b,
        uint256 s
    )
        external
        view
        returns (
            Point memory sum,
            Point memory difference,
            Point memory negation,
            Point memory product
        )
    {
        sum = BN254.add(a, b);
        difference = BN254.sub(a, b);
        negation = BN254.neg(a);
        product = BN254.mul(a, s);
    }

    /// @notice {BN254.subGeneratorMultiple}, {BN254.addMulAssign}, {BN254.mulAddAssign}.
    /// @param a Point.
    /// @param b Point.
    /// @param s Scalar.
    /// @return shifted `a − s·G`.
    /// @return addMul `a + s·b`.
    /// @return mulAdd `s·a + b`.
    function assignments(
        Point calldata a,
        Point calldata b,
        uint256 s
    ) external view returns (Point memory shifted, Point memory addMul, Point memory mulAdd) {
        shifted = BN254.subGeneratorMultiple(a, s);
        addMul = Point(a.x, a.y);
        BN254.addMulAssign(addMul, b, s);
        mulAdd = Point(a.x, a.y);
        BN254.mulAddAssign(mulAdd, s, b);
    }

    /// @notice {BN254.mulAddEq} and {BN254.mulAddEqG}.
    /// @param base Left base.
    /// @param v Left scalar.
    /// @param a Right commitment.
    /// @param c Right scalar.
    /// @param y Right base.
    /// @return withBase `v·base = a + c·y`.
    /// @return withG `v·G = a + c·y`.
    function equations(
        Point calldata base,
        uint256 v,
        Point calldata a,
        uint256 c,
        Point calldata y
    ) external view returns (bool withBase, bool withG) {
        withBase = BN254.mulAddEq(base, v, a, c, y);
        withG = BN254.mulAddEqG(v, a, c, y);
    }

    /// @notice {BN254.eq} and {BN254.isIdentity}.
    /// @param a First point.
    /// @param b Second point.
    /// @return equal `a == b`.
    /// @return identity `a == O`.
    function predicates(
        Point calldata a,
        Point calldata b
    ) external pure returns (bool equal, bool identity) {
        equal = BN254.eq(a, b);
        identity = BN254.isIdentity(a);
    }

    /// @notice {ElGamal.add} and {ElGamal.sub}.
    /// @param x First ciphertext.
    /// @param y Second ciphertext.
    /// @return sum `x + y`.
    /// @return difference `x − y`.
    function ciphertextArithmetic(
        Ciphertext calldata x,
        Ciphertext calldata y
    ) external view returns (Ciphertext memory sum, Ciphertext memory difference) {
        sum = ElGamal.add(x, y);
        difference = ElGamal.sub(x, y);
    }

    /// @notice {Threshold.inverse}.
    /// @param a Value.
    /// @return result `a⁻¹ mod r`.
    function inverse(uint256 a) external view returns (uint256 result) {
        result = Threshold.inverse(a);
    }
}
