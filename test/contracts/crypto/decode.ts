import {
  decodePointOrIdentity,
  type GroupElement,
  type Hex,
  type Point,
} from "../../../src/crypto";

/** Wire point → group element for test arithmetic ((0, 0) is the identity). */
export function decode(point: Point): GroupElement {
  return decodePointOrIdentity(point, "test point");
}

/** A uint256 as a 0x-prefixed 32-byte hex word (bytes32). */
export function hexWord(value: bigint): Hex {
  return `0x${value.toString(16).padStart(64, "0")}`;
}
