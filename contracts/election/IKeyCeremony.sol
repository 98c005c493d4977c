// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DleqProof, Point, SchnorrProof} from "../crypto/CryptoTypes.sol";
import {EncryptedShare} from "./ElectionTypes.sol";

/// @title The trustees' threshold key ceremony of one election (docs/protocol.md §6, §13)
/// @notice `n` trustees (fixed at creation, indexed 1 … n) with threshold `k` post Feldman
///         commitments with Schnorr proofs, encrypted shares for each other, confirmations or
///         complaints decided on-chain; sealing fixes the joint election key
///         `K = Σᵢ C_{i,0}` (§6.5) and each trustee's share key `K_l = Σᵢ Σⱼ lʲ·C_{i,j}` (§6.6).
///         Nobody can change a posted commitment, share or decision.
interface IKeyCeremony {
    /// @notice Trustee `trustee` posted its coefficient commitments `C_{i,j}` with proofs (§13.1).
    event CommitmentsPosted(uint256 indexed trustee, Point[] commitments, SchnorrProof[] proofs);
    /// @notice Dealer posted the encrypted share `(E, σ)` for recipient (§6.2).
    event SharePosted(
        uint256 indexed dealer,
        uint256 indexed recipient,
        Point ephemeral,
        uint256 masked
    );
    /// @notice Trustee confirmed that every share it received passed §6.3.
    event SharesConfirmed(uint256 indexed trustee);
    /// @notice A complaint was decided on-chain (§6.4): upheld means the dealer cheated.
    event ComplaintDecided(
        uint256 indexed dealer,
        uint256 indexed recipient,
        bool upheld,
        Point sharedPoint,
        DleqProof proof
    );
    /// @notice An upheld complaint failed the ceremony for good (§13.3).
    event CeremonyFailed(uint256 indexed dealer);
    /// @notice The ceremony is sealed: the joint election key and share keys are fixed (§13.4).
    event CeremonySealed(Point jointKey, Point[] shareKeys);

    /// @notice The caller is not one of the election's trustees.
    error KeyCeremonyNotTrustee(address caller);
    /// @notice The trustee already posted what it tries to post again.
    error KeyCeremonyAlreadyPosted(uint256 trustee);
    /// @notice Shares need the dealer's own commitments first; complaints and confirmations need
    ///         every share addressed to the caller.
    error KeyCeremonyOutOfOrder(uint256 trustee);
    /// @notice `k` commitments with `k` proofs are expected.
    error KeyCeremonyCommitmentCountInvalid(uint256 commitments, uint256 proofs, uint256 threshold);
    /// @notice One share for each other trustee, each recipient once, is expected.
    error KeyCeremonyShareRecipientInvalid(uint256 recipient);
    /// @notice Expected `n − 1` shares.
    error KeyCeremonyShareCountInvalid(uint256 shares, uint256 expected);
    /// @notice The ceremony failed after an upheld complaint.
    error KeyCeremonyFailed();
    /// @notice The ceremony is already sealed.
    error KeyCeremonySealed();
    /// @notice Sealing needs all commitments, shares and confirmations, before polling opens.
    error KeyCeremonyNotReady(uint256 commitments, uint256 dealers, uint256 confirmations);
    /// @notice Polling has opened: the key can no longer be sealed.
    error KeyCeremonyTooLate(uint256 pollingStart);
    /// @notice Invalid trustee set or threshold at creation.
    error KeyCeremonyParametersInvalid(uint256 trustees, uint256 threshold);
    /// @notice Only the registry initialises a ceremony, once.
    error KeyCeremonyUnauthorized(address caller);

    /// @notice Posts the caller's `k` commitments `C_{i,j} = a_{i,j}G` with Schnorr proofs (§5.4).
    function postCommitments(Point[] calldata commitments, SchnorrProof[] calldata proofs) external;

    /// @notice Posts the caller's encrypted shares, one per other trustee (§6.2).
    function postShares(EncryptedShare[] calldata shares) external;

    /// @notice The caller confirms every share it received passed §6.3.
    function confirmShares() external;

    /// @notice The caller (recipient) complains about `dealer`'s share by revealing
    ///         `D = a_{l,0}·E` with a proof (§5.6); decided on-chain (§6.4).
    /// @return upheld True iff the dealer's share was bad (the ceremony then fails).
    function fileComplaint(
        uint256 dealer,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external returns (bool upheld);

    /// @notice Seals the ceremony (anyone, §13.4) and hands the key to the election.
    function seal() external;

    /// @notice The election this ceremony belongs to.
    function election() external view returns (address);

    /// @notice §3.2 election identifier used in every transcript.
    function electionId() external view returns (bytes32);

    /// @notice Number of trustees `n` and threshold `k`.
    function parameters() external view returns (uint256 trusteeCount, uint256 threshold);

    /// @notice Address of trustee `index` (1-based).
    function trustee(uint256 index) external view returns (address);

    /// @notice 1-based index of `account`, or 0 if it is not a trustee.
    function trusteeIndex(address account) external view returns (uint256);

    /// @notice Commitments `C_{i,0…k−1}` of trustee `index` (empty before posting).
    function commitments(uint256 index) external view returns (Point[] memory);

    /// @notice The encrypted share from `dealer` to `recipient` (zero before posting).
    function share(
        uint256 dealer,
        uint256 recipient
    ) external view returns (Point memory ephemeral, uint256 masked);

    /// @notice True once sealed; false after failure.
    function isSealed() external view returns (bool);

    /// @notice True once an upheld complaint failed the ceremony.
    function hasFailed() external view returns (bool);

    /// @notice The joint election key `K` (§6.5), `(0, 0)` before sealing.
    function jointKey() external view returns (Point memory);

    /// @notice Trustee `index`'s public share key `K_l` (§6.6), `(0, 0)` before sealing.
    function shareKey(uint256 index) external view returns (Point memory);
}
