// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Point} from "./CryptoTypes.sol";

/// @title BN254 G1 arithmetic and validation
/// @notice Group of docs/protocol.md §1.1 (curve `y² = x³ + 3` over `F_p`, prime order `r`,
///         generator `G = (1, 2)`, cofactor 1) and the point/scalar validation of §2.1–§2.2.
/// @dev Arithmetic goes through the EIP-196 precompiles `0x06` (ecAdd) and `0x07` (ecMul)
///      (§1.2). Every precompile call writes its input to the memory past the free memory
///      pointer without moving it, so repeated calls reuse the same scratch words and do not
///      grow memory. Functions that return a `Point` allocate exactly one 64-byte result.
library BN254 {
    /// @notice Base-field modulus `p` (§1.1).
    uint256 internal constant P =
        21888242871839275222246405745257275088696311157297823662689037894645226208583;
    /// @notice Prime group order `r` (§1.1).
    uint256 internal constant R =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @notice x coordinate of the generator `G = (1, 2)` (§1.1).
    uint256 internal constant G_X = 1;
    /// @notice y coordinate of the generator `G = (1, 2)` (§1.1).
    uint256 internal constant G_Y = 2;
    /// @notice y coordinate of `−G = (1, p − 2)`.
    uint256 internal constant NEG_G_Y =
        21888242871839275222246405745257275088696311157297823662689037894645226208581;
    /// @notice Address of the EIP-196 ecAdd precompile.
    uint256 internal constant EC_ADD = 0x06;
    /// @notice Address of the EIP-196 ecMul precompile.
    uint256 internal constant EC_MUL = 0x07;

    /// @notice §2.2 check 1: the point is `(0, 0)`, the encoding of `O`.
    error BN254PointAtInfinity();
    /// @notice §2.2 check 2: a coordinate is not below `p`.
    /// @param coordinate The offending coordinate.
    error BN254CoordinateOutOfRange(uint256 coordinate);
    /// @notice §2.2 check 3: `y² ≢ x³ + 3 (mod p)`.
    /// @param x The point's x coordinate.
    /// @param y The point's y coordinate.
    error BN254PointNotOnCurve(uint256 x, uint256 y);
    /// @notice §2.1: a received scalar is not below `r`.
    /// @param scalar The offending scalar.
    error BN254ScalarOutOfRange(uint256 scalar);
    /// @notice §1.2: a precompile call failed (out of gas or a broken chain; it cannot fail on
    ///         inputs that passed §2).
    /// @param precompile The precompile address (`6` ecAdd, `7` ecMul).
    error BN254PrecompileFailed(uint256 precompile);

    /// @notice The generator `G = (1, 2)`.
    /// @return g A freshly allocated copy of `G`.
    function generator() internal pure returns (Point memory g) {
        g = Point(G_X, G_Y);
    }

    /// @notice The identity `O`, encoded `(0, 0)`.
    /// @return o A freshly allocated `(0, 0)`.
    function identity() internal pure returns (Point memory o) {
        o = Point(0, 0);
    }

    /// @notice §2.2: validates a point received from anyone other than the verifier, checking in
    ///         this order: not `(0, 0)`; `x < p` and `y < p`; `y² ≡ x³ + 3 (mod p)`.
    /// @dev Reverts with `BN254PointAtInfinity()`, `BN254CoordinateOutOfRange(coordinate)` or
    ///      `BN254PointNotOnCurve(x, y)`. Cofactor 1: no subgroup check is needed (§1.1).
    /// @param pt The point to validate.
    function validatePoint(Point memory pt) internal pure {
        bool valid;
        assembly ("memory-safe") {
            let p := 21888242871839275222246405745257275088696311157297823662689037894645226208583
            let x := mload(pt)
            let y := mload(add(pt, 0x20))
            // (0, 0) fails the curve equation (0 ≠ 3), so one combined test covers §2.2.
            valid := and(
                and(lt(x, p), lt(y, p)),
                eq(mulmod(y, y, p), addmod(mulmod(mulmod(x, x, p), x, p), 3, p))
            )
        }
        if (!valid) revertInvalidPoint(pt);
    }

    /// @notice Reverts with the first §2.2 check that `pt` fails, in the order of §2.2:
    ///         `BN254PointAtInfinity()`, `BN254CoordinateOutOfRange(coordinate)`,
    ///         `BN254PointNotOnCurve(x, y)`.
    /// @dev The cold path of every point validation; must only be called on an invalid point.
    /// @param pt The invalid point.
    function revertInvalidPoint(Point memory pt) internal pure {
        uint256 x = pt.x;
        uint256 y = pt.y;
        if (x == 0 && y == 0) revert BN254PointAtInfinity();
        if (x >= P) revert BN254CoordinateOutOfRange(x);
        if (y >= P) revert BN254CoordinateOutOfRange(y);
        revert BN254PointNotOnCurve(x, y);
    }

    /// @notice Whether every point of `pts` passes §2.2, without reverting (hot path of array
    ///         validation; callers re-check with {validatePoint} on failure to get the error).
    /// @param pts The points.
    /// @return valid True iff every point is valid.
    function allValid(Point[] memory pts) internal pure returns (bool valid) {
        assembly ("memory-safe") {
            let p := 21888242871839275222246405745257275088696311157297823662689037894645226208583
            valid := 1
            let end := add(pts, shl(5, add(mload(pts), 1)))
            for {
                let slot := add(pts, 0x20)
            } lt(slot, end) {
                slot := add(slot, 0x20)
            } {
                let pt := mload(slot)
                let x := mload(pt)
                let y := mload(add(pt, 0x20))
                valid := and(
                    valid,
                    and(
                        and(lt(x, p), lt(y, p)),
                        eq(mulmod(y, y, p), addmod(mulmod(mulmod(x, x, p), x, p), 3, p))
                    )
                )
            }
        }
    }

    /// @notice Whether every scalar of `scalars` is below `r` (§2.1), without reverting.
    /// @param scalars The scalars.
    /// @return valid True iff every scalar is valid.
    function allScalarsValid(uint256[] memory scalars) internal pure returns (bool valid) {
        assembly ("memory-safe") {
            let r := 21888242871839275222246405745257275088548364400416034343698204186575808495617
            valid := 1
            let end := add(scalars, shl(5, add(mload(scalars), 1)))
            for {
                let slot := add(scalars, 0x20)
            } lt(slot, end) {
                slot := add(slot, 0x20)
            } {
                valid := and(valid, lt(mload(slot), r))
            }
        }
    }

    /// @notice Like {validatePoint}, but accepts `(0, 0)` as `O`: for verifier-computed values
    ///         that may legitimately be the identity (aggregates §2.3, §5.5.2).
    /// @param pt The point to validate.
    function validatePointOrIdentity(Point memory pt) internal pure {
        if (pt.x == 0 && pt.y == 0) return;
        validatePoint(pt);
    }

    /// @notice §2.1: validates a received scalar, `s < r`; scalars are never reduced silently.
    /// @dev Reverts with `BN254ScalarOutOfRange(s)`.
    /// @param s The scalar to validate.
    function validateScalar(uint256 s) internal pure {
        if (s >= R) revert BN254ScalarOutOfRange(s);
    }

    /// @notice Whether `pt` is the identity `O` (encoded `(0, 0)`).
    /// @param pt The point.
    /// @return True iff `pt == (0, 0)`.
    function isIdentity(Point memory pt) internal pure returns (bool) {
        return pt.x == 0 && pt.y == 0;
    }

    /// @notice Equality of two affine encodings.
    /// @param a First point.
    /// @param b Second point.
    /// @return True iff both coordinates are equal.
    function eq(Point memory a, Point memory b) internal pure returns (bool) {
        return a.x == b.x && a.y == b.y;
    }

    /// @notice Negation `−pt = (x, p − y)`, with `−O = O`.
    /// @param pt A point on the curve or `O`.
    /// @return n The negated point (freshly allocated).
    function neg(Point memory pt) internal pure returns (Point memory n) {
        n = Point(pt.x, (P - pt.y) % P);
    }

    /// @notice Group addition `a + b` through ecAdd (`0x06`).
    /// @param a A point on the curve or `O`.
    /// @param b A point on the curve or `O`.
    /// @return sum `a + b` (freshly allocated; `O` is `(0, 0)`).
    function add(Point memory a, Point memory b) internal view returns (Point memory sum) {
        bool ok;
        assembly ("memory-safe") {
            sum := mload(0x40)
            mstore(0x40, add(sum, 0x40))
            // The 128-byte input overlaps the result and 64 scratch bytes past the free pointer.
            mstore(sum, mload(a))
            mstore(add(sum, 0x20), mload(add(a, 0x20)))
            mstore(add(sum, 0x40), mload(b))
            mstore(add(sum, 0x60), mload(add(b, 0x20)))
            ok := staticcall(gas(), EC_ADD, sum, 0x80, sum, 0x40)
        }
        if (!ok) revert BN254PrecompileFailed(EC_ADD);
    }

    /// @notice Group subtraction `a − b = a + (−b)`.
    /// @param a A point on the curve or `O`.
    /// @param b A point on the curve or `O`.
    /// @return difference `a − b` (freshly allocated).
    function sub(Point memory a, Point memory b) internal view returns (Point memory difference) {
        difference = add(a, neg(b));
    }

    /// @notice Scalar multiplication `s·pt` through ecMul (`0x07`).
    /// @dev The precompile takes any 256-bit `s`; callers validate received scalars first.
    /// @param pt A point on the curve or `O`.
    /// @param s The scalar.
    /// @return product `s·pt` (freshly allocated).
    function mul(Point memory pt, uint256 s) internal view returns (Point memory product) {
        bool ok;
        assembly ("memory-safe") {
            product := mload(0x40)
            mstore(0x40, add(product, 0x40))
            mstore(product, mload(pt))
            mstore(add(product, 0x20), mload(add(pt, 0x20)))
            mstore(add(product, 0x40), s)
            ok := staticcall(gas(), EC_MUL, product, 0x60, product, 0x40)
        }
        if (!ok) revert BN254PrecompileFailed(EC_MUL);
    }

    /// @notice In-place addition `acc ← acc + q` (no allocation).
    /// @param acc Accumulator, overwritten with the sum.
    /// @param q A point on the curve or `O`.
    function addAssign(Point memory acc, Point memory q) internal view {
        bool ok;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(acc))
            mstore(add(m, 0x20), mload(add(acc, 0x20)))
            mstore(add(m, 0x40), mload(q))
            mstore(add(m, 0x60), mload(add(q, 0x20)))
            ok := staticcall(gas(), EC_ADD, m, 0x80, acc, 0x40)
        }
        if (!ok) revert BN254PrecompileFailed(EC_ADD);
    }

    /// @notice In-place multiply-accumulate `acc ← acc + s·q` (1 ecMul + 1 ecAdd, no
    ///         allocation).
    /// @param acc Accumulator, overwritten.
    /// @param q A point on the curve or `O`.
    /// @param s The scalar.
    function addMulAssign(Point memory acc, Point memory q, uint256 s) internal view {
        uint256 failed;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(acc))
            mstore(add(m, 0x20), mload(add(acc, 0x20)))
            let t := add(m, 0x40)
            mstore(t, mload(q))
            mstore(add(m, 0x60), mload(add(q, 0x20)))
            mstore(add(m, 0x80), s)
            if iszero(staticcall(gas(), EC_MUL, t, 0x60, t, 0x40)) {
                failed := EC_MUL
            }
            if iszero(staticcall(gas(), EC_ADD, m, 0x80, acc, 0x40)) {
                failed := EC_ADD
            }
        }
        if (failed != 0) revert BN254PrecompileFailed(failed);
    }

    /// @notice In-place Horner step `acc ← s·acc + q` (1 ecMul + 1 ecAdd, no allocation).
    /// @param acc Accumulator, overwritten.
    /// @param s The scalar.
    /// @param q A point on the curve or `O`.
    function mulAddAssign(Point memory acc, uint256 s, Point memory q) internal view {
        uint256 failed;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(acc))
            mstore(add(m, 0x20), mload(add(acc, 0x20)))
            mstore(add(m, 0x40), s)
            if iszero(staticcall(gas(), EC_MUL, m, 0x60, m, 0x40)) {
                failed := EC_MUL
            }
            mstore(add(m, 0x40), mload(q))
            mstore(add(m, 0x60), mload(add(q, 0x20)))
            if iszero(staticcall(gas(), EC_ADD, m, 0x80, acc, 0x40)) {
                failed := EC_ADD
            }
        }
        if (failed != 0) revert BN254PrecompileFailed(failed);
    }

    /// @notice In-place subtraction of the generator `acc ← acc − G` (no allocation).
    /// @param acc Accumulator, overwritten with `acc − G`.
    function subGeneratorAssign(Point memory acc) internal view {
        bool ok;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(acc))
            mstore(add(m, 0x20), mload(add(acc, 0x20)))
            mstore(add(m, 0x40), G_X)
            mstore(add(m, 0x60), NEG_G_Y)
            ok := staticcall(gas(), EC_ADD, m, 0x80, acc, 0x40)
        }
        if (!ok) revert BN254PrecompileFailed(EC_ADD);
    }

    /// @notice `pt − s·G`, computed as `pt + s·(−G)`: one ecMul and one ecAdd, none when `s` is
    ///         0 and no ecMul when `s` is 1.
    /// @param pt A point on the curve or `O`.
    /// @param s A small non-negative integer (a plaintext value).
    /// @return shifted `pt − s·G` (freshly allocated).
    function subGeneratorMultiple(
        Point memory pt,
        uint256 s
    ) internal view returns (Point memory shifted) {
        shifted = Point(pt.x, pt.y);
        if (s == 0) return shifted;
        if (s == 1) {
            subGeneratorAssign(shifted);
            return shifted;
        }
        addAssign(shifted, mul(Point(G_X, NEG_G_Y), s));
    }

    /// @notice Checks the group equation `v·base = a + c·y` (2 ecMul + 1 ecAdd, no allocation).
    /// @dev The form of every verification equation of §5 (commitment form).
    /// @param base Left-hand base (a point on the curve or `O`).
    /// @param v Left-hand scalar (a response).
    /// @param a Right-hand commitment (a point on the curve or `O`).
    /// @param c Right-hand scalar (a challenge).
    /// @param y Right-hand base (a point on the curve or `O`).
    /// @return holds True iff the equation holds.
    function mulAddEq(
        Point memory base,
        uint256 v,
        Point memory a,
        uint256 c,
        Point memory y
    ) internal view returns (bool holds) {
        uint256 failed;
        assembly ("memory-safe") {
            let m := mload(0x40)
            // m[0..64) = a, m[64..160) = (y, c): ecMul writes c·y to m[64..128), then
            // ecAdd(m[0..128)) writes a + c·y to m[0..64).
            mstore(m, mload(a))
            mstore(add(m, 0x20), mload(add(a, 0x20)))
            let t := add(m, 0x40)
            mstore(t, mload(y))
            mstore(add(m, 0x60), mload(add(y, 0x20)))
            mstore(add(m, 0x80), c)
            if iszero(staticcall(gas(), EC_MUL, t, 0x60, t, 0x40)) {
                failed := EC_MUL
            }
            if iszero(staticcall(gas(), EC_ADD, m, 0x80, m, 0x40)) {
                failed := EC_ADD
            }
            // m[64..128) = v·base.
            mstore(t, mload(base))
            mstore(add(m, 0x60), mload(add(base, 0x20)))
            mstore(add(m, 0x80), v)
            if iszero(staticcall(gas(), EC_MUL, t, 0x60, t, 0x40)) {
                failed := EC_MUL
            }
            holds := and(eq(mload(m), mload(t)), eq(mload(add(m, 0x20)), mload(add(m, 0x60))))
        }
        if (failed != 0) revert BN254PrecompileFailed(failed);
    }

    /// @notice Checks the group equation `v·G = a + c·y` with base the generator
    ///         (2 ecMul + 1 ecAdd): {mulAddEq} with `base = G`.
    /// @param v Left-hand scalar (a response).
    /// @param a Right-hand commitment (a point on the curve or `O`).
    /// @param c Right-hand scalar (a challenge).
    /// @param y Right-hand base (a point on the curve or `O`).
    /// @return holds True iff the equation holds.
    function mulAddEqG(
        uint256 v,
        Point memory a,
        uint256 c,
        Point memory y
    ) internal view returns (bool holds) {
        holds = mulAddEq(Point(G_X, G_Y), v, a, c, y);
    }
}
