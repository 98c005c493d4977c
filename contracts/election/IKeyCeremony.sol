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
    /// @param trustee The trustee's index `i` (1-based).
    /// @param commitments `C_{i,0} … C_{i,k−1}` (§6.1).
    /// @param proofs The Schnorr proofs of §5.4, one per commitment.
    event CommitmentsPosted(uint256 indexed trustee, Point[] commitments, SchnorrProof[] proofs);
    /// @notice Dealer posted the encrypted share `(E, σ)` for recipient (§6.2).
    /// @param dealer The dealer's index `i`.
    /// @param recipient The recipient's index `l`.
    /// @param ephemeral `E = ξG`.
    /// @param masked `σ = s XOR pad`.
    event SharePosted(
        uint256 indexed dealer,
        uint256 indexed recipient,
        Point ephemeral,
        uint256 masked
    );
    /// @notice Trustee confirmed that every share it received passed §6.3.
    /// @param trustee The confirming trustee's index.
    event SharesConfirmed(uint256 indexed trustee);
    /// @notice A complaint was decided on-chain (§6.4): upheld means the dealer cheated.
    /// @param dealer The accused dealer's index `i`.
    /// @param recipient The complaining recipient's index `l`.
    /// @param upheld True iff the share was bad (the ceremony failed); false if dismissed.
    /// @param sharedPoint The revealed `D = a_{l,0}·E`.
    /// @param proof The complaint proof of §5.6.
    event ComplaintDecided(
        uint256 indexed dealer,
        uint256 indexed recipient,
        bool upheld,
        Point sharedPoint,
        DleqProof proof
    );
    /// @notice An upheld complaint failed the ceremony for good (§13.3).
    /// @param dealer The dealer found cheating.
    event CeremonyFailed(uint256 indexed dealer);
    /// @notice The ceremony is sealed: the joint election key and share keys are fixed (§13.4).
    /// @param jointKey `K = Σᵢ C_{i,0}` (§6.5).
    /// @param shareKeys `K_l` of trustees `1 … n`, in index order (§6.6).
    event CeremonySealed(Point jointKey, Point[] shareKeys);

    /// @notice The caller is not one of the election's trustees.
    /// @param caller The rejected caller.
    error KeyCeremonyNotTrustee(address caller);
    /// @notice The trustee already posted what it tries to post again.
    /// @param trustee The trustee's index.
    error KeyCeremonyAlreadyPosted(uint256 trustee);
    /// @notice A step came too early: shares need the dealer's own commitments; a confirmation
    ///         needs every share addressed to the caller; a complaint needs the caller's own
    ///         commitments and the accused dealer's shares.
    /// @param trustee The trustee whose step is missing: the caller, or the dealer whose shares
    ///        are not posted yet.
    error KeyCeremonyOutOfOrder(uint256 trustee);
    /// @notice `k` commitments with `k` proofs are expected.
    /// @param commitments Number of commitments given.
    /// @param proofs Number of proofs given.
    /// @param threshold The threshold `k`.
    error KeyCeremonyCommitmentCountInvalid(uint256 commitments, uint256 proofs, uint256 threshold);
    /// @notice One share for each other trustee, each recipient once, is expected.
    /// @param recipient The invalid or repeated recipient index (for a complaint, the dealer
    ///        index).
    error KeyCeremonyShareRecipientInvalid(uint256 recipient);
    /// @notice Expected `n − 1` shares.
    /// @param shares Number of shares given.
    /// @param expected `n − 1`.
    error KeyCeremonyShareCountInvalid(uint256 shares, uint256 expected);
    /// @notice The ceremony failed after an upheld complaint.
    error KeyCeremonyFailed();
    /// @notice The ceremony is already sealed.
    error KeyCeremonySealed();
    /// @notice Sealing needs all commitments, shares and confirmations, before polling opens.
    /// @param commitments Number of trustees that posted commitments.
    /// @param dealers Number of trustees that posted shares.
    /// @param confirmations Number of trustees that confirmed.
    error KeyCeremonyNotReady(uint256 commitments, uint256 dealers, uint256 confirmations);
    /// @notice Polling has opened: the key can no longer be sealed.
    /// @param pollingStart The election's polling start, UTC seconds (§10.2).
    error KeyCeremonyTooLate(uint256 pollingStart);
    /// @notice Invalid trustee set or threshold at creation.
    /// @param trustees Number of trustee addresses given.
    /// @param threshold The threshold given.
    error KeyCeremonyParametersInvalid(uint256 trustees, uint256 threshold);
    /// @notice No trustee has this index.
    /// @param index The unknown index.
    error KeyCeremonyUnknownTrustee(uint256 index);

    /// @notice Posts the caller's `k` commitments `C_{i,j} = a_{i,j}G` with Schnorr proofs (§5.4).
    /// @param commitments `C_{i,0} … C_{i,k−1}`, exactly `k` of them (§6.1).
    /// @param proofs A Schnorr proof of §5.4 for each commitment, in the same order.
    function postCommitments(Point[] calldata commitments, SchnorrProof[] calldata proofs) external;

    /// @notice Posts the caller's encrypted shares, one per other trustee (§6.2).
    /// @param shares `n − 1` shares `(l, E, σ)`, each other trustee `l` once, in any order.
    function postShares(EncryptedShare[] calldata shares) external;

    /// @notice The caller confirms every share it received passed §6.3.
    function confirmShares() external;

    /// @notice The caller (recipient) complains about `dealer`'s share by revealing
    ///         `D = a_{l,0}·E` with a proof (§5.6); decided on-chain (§6.4).
    /// @param dealer The dealer's index `i`.
    /// @param sharedPoint `D = a_{l,0}·E` for the posted share's `E`.
    /// @param proof The complaint proof of §5.6.
    /// @return upheld True iff the dealer's share was bad (the ceremony then fails).
    function fileComplaint(
        uint256 dealer,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external returns (bool upheld);

    /// @notice Seals the ceremony (anyone, §13.4) and hands the key to the election.
    function seal() external;

    /// @notice The election this ceremony belongs to.
    /// @return The {IElection} address that receives the sealed key.
    function election() external view returns (address);

    /// @notice §3.2 election identifier used in every transcript.
    /// @return The identifier `electionId`.
    function electionId() external view returns (bytes32);

    /// @notice Number of trustees `n` and threshold `k`.
    /// @return trusteeCount `n`.
    /// @return threshold `k`.
    function parameters() external view returns (uint256 trusteeCount, uint256 threshold);

    /// @notice Address of trustee `index` (1-based).
    /// @param index The trustee's index, in `1 … n`.
    /// @return The trustee's address.
    function trustee(uint256 index) external view returns (address);

    /// @notice 1-based index of `account`, or 0 if it is not a trustee.
    /// @param account The address to look up.
    /// @return The trustee index, or 0.
    function trusteeIndex(address account) external view returns (uint256);

    /// @notice Commitments `C_{i,0…k−1}` of trustee `index` (empty before posting).
    /// @param index The trustee's index `i`.
    /// @return The commitments, in coefficient order.
    function commitments(uint256 index) external view returns (Point[] memory);

    /// @notice The encrypted share from `dealer` to `recipient` (zero before posting).
    /// @param dealer The dealer's index `i`.
    /// @param recipient The recipient's index `l`.
    /// @return ephemeral `E = ξG`.
    /// @return masked `σ = s XOR pad` (§6.2).
    function share(
        uint256 dealer,
        uint256 recipient
    ) external view returns (Point memory ephemeral, uint256 masked);

    /// @notice True once sealed; false after failure.
    /// @return True iff the ceremony is sealed.
    function isSealed() external view returns (bool);

    /// @notice True once an upheld complaint failed the ceremony.
    /// @return True iff the ceremony failed.
    function hasFailed() external view returns (bool);

    /// @notice The joint election key `K` (§6.5), `(0, 0)` before sealing.
    /// @return The key `K`.
    function jointKey() external view returns (Point memory);

    /// @notice Trustee `index`'s public share key `K_l` (§6.6), `(0, 0)` before sealing.
    /// @param index The trustee's index `l`.
    /// @return The share key `K_l`.
    function shareKey(uint256 index) external view returns (Point memory);
}
