// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {Ciphertext, DleqProof, Point} from "../crypto/CryptoTypes.sol";
import {DecryptionProofVerifier} from "../crypto/DecryptionProofVerifier.sol";
import {Threshold} from "../crypto/Threshold.sol";
import {ContestResult} from "./ElectionTypes.sol";
import {IElection} from "./IElection.sol";
import {IElectionTally} from "./IElectionTally.sol";
import {IKeyCeremony} from "./IKeyCeremony.sol";

/// @title ElectionTally
/// @notice See {IElectionTally}. An EIP-1167 clone per election, initialised by the registry.
contract ElectionTally is IElectionTally, Initializable {
    IElection private _election;
    IKeyCeremony private _ceremony;
    address private _commission;
    bytes32 private _electionId;
    mapping(uint256 contestId => mapping(uint256 trustee => Point[] partials)) private _partials;
    mapping(uint256 contestId => ContestResult) private _results;

    /// @notice Locks the implementation; only clones are initialised.
    constructor() {
        _disableInitializers();
    }

    /// @notice Wires the tally to its election and ceremony; called once by the registry.
    /// @param election_ The election whose totals are decrypted.
    /// @param ceremony_ The key ceremony holding the trustees and share keys.
    /// @param commission The only account that may record a court-ordered exclusion.
    function initialize(
        address election_,
        address ceremony_,
        address commission
    ) external initializer {
        _election = IElection(election_);
        _ceremony = IKeyCeremony(ceremony_);
        _commission = commission;
        _electionId = IElection(election_).electionId();
    }

    /// @inheritdoc IElectionTally
    function postDecryptionShares(
        uint256 contestId,
        Point[] calldata partials,
        DleqProof[] calldata proofs
    ) external override {
        _requirePollingEnded();
        uint256 trustee = _ceremony.trusteeIndex(msg.sender);
        if (trustee == 0) revert ElectionTallyNotTrustee(msg.sender);
        Ciphertext[] memory totals = _totalsOf(contestId);
        if (_results[contestId].finalized) revert ElectionTallyAlreadyFinalized(contestId);
        Point[] storage stored = _partials[contestId][trustee];
        if (stored.length != 0) revert ElectionTallySharesAlreadyPosted(contestId, trustee);
        uint256 options = totals.length;
        if (partials.length != options || proofs.length != options) {
            revert ElectionTallyLengthMismatch(contestId, options, partials.length);
        }
        _checkPartials(contestId, trustee, totals, partials, proofs);
        for (uint256 o = 0; o < options; ++o) stored.push(partials[o]);
        emit DecryptionSharesPosted(contestId, trustee, partials, proofs);
    }

    /// @inheritdoc IElectionTally
    function finalizeContest(
        uint256 contestId,
        uint256[] calldata counts,
        uint256[] calldata trustees
    ) external override {
        _requirePollingEnded();
        Ciphertext[] memory totals = _totalsOf(contestId);
        ContestResult storage stored = _results[contestId];
        if (stored.finalized) revert ElectionTallyAlreadyFinalized(contestId);
        if (counts.length != totals.length) {
            revert ElectionTallyLengthMismatch(contestId, totals.length, counts.length);
        }
        _checkCounts(contestId, totals, counts, trustees);
        stored.finalized = true;
        stored.counts = counts;
        stored.trustees = trustees;
        emit ContestFinalized(contestId, counts, trustees);
    }

    /// @inheritdoc IElectionTally
    function excludeContest(uint256 contestId, bytes32 orderHash) external override {
        if (msg.sender != _commission) revert ElectionTallyUnauthorized(msg.sender);
        ContestResult storage stored = _results[contestId];
        if (!stored.finalized) revert ElectionTallyNotFinalized(contestId);
        if (stored.excluded) revert ElectionTallyAlreadyExcluded(contestId);
        stored.excluded = true;
        stored.exclusionOrderHash = orderHash;
        emit ContestExcluded(contestId, orderHash);
    }

    /// @inheritdoc IElectionTally
    function election() external view override returns (address) {
        return address(_election);
    }

    /// @inheritdoc IElectionTally
    function decryptionShares(
        uint256 contestId,
        uint256 trustee
    ) external view override returns (Point[] memory) {
        return _partials[contestId][trustee];
    }

    /// @inheritdoc IElectionTally
    function result(uint256 contestId) external view override returns (ContestResult memory) {
        return _results[contestId];
    }

    /// @notice Checks a trustee's partial decryptions: §5.5.2 for every option, against the
    ///         election's own totals and the trustee's share key `K_l` (§6.6).
    /// @param contestId The contest.
    /// @param trustee The trustee's index `l`.
    /// @param totals The contest's encrypted totals `(A, B)`, one per option.
    /// @param partials `M_l` for every option.
    /// @param proofs The decryption proofs of §5.5, one per option.
    function _checkPartials(
        uint256 contestId,
        uint256 trustee,
        Ciphertext[] memory totals,
        Point[] calldata partials,
        DleqProof[] calldata proofs
    ) private view {
        Point memory shareKey = _ceremony.shareKey(trustee);
        bytes32 id = _electionId;
        for (uint256 o = 0; o < totals.length; ++o) {
            DecryptionProofVerifier.check(
                id,
                contestId,
                o,
                trustee,
                shareKey,
                totals[o],
                partials[o],
                proofs[o]
            );
        }
    }

    /// @notice §14.2: every claimed count satisfies §7.3 for the trustee set, within the bound
    ///         of §7.4; every trustee of the set must have posted for the contest.
    /// @param contestId The contest.
    /// @param totals The contest's encrypted totals, one per option.
    /// @param counts The claimed count of every option.
    /// @param trustees The decryption set `Q`.
    function _checkCounts(
        uint256 contestId,
        Ciphertext[] memory totals,
        uint256[] calldata counts,
        uint256[] calldata trustees
    ) private view {
        uint256 q = trustees.length;
        for (uint256 t = 0; t < q; ++t) {
            if (_partials[contestId][trustees[t]].length == 0) {
                revert ElectionTallySharesMissing(contestId, trustees[t]);
            }
        }
        (uint256 n, uint256 k) = _ceremony.parameters();
        uint256 bound = _election.contestBound(contestId);
        Point[] memory column = new Point[](q);
        for (uint256 o = 0; o < totals.length; ++o) {
            for (uint256 t = 0; t < q; ++t) column[t] = _partials[contestId][trustees[t]][o];
            Threshold.checkDecryptedCount(totals[o], n, k, trustees, column, counts[o], bound);
        }
    }

    /// @notice The election's encrypted totals of a contest; reverts for an unknown contest.
    /// @param contestId The contest.
    /// @return The totals, one ciphertext per option.
    function _totalsOf(uint256 contestId) private view returns (Ciphertext[] memory) {
        (uint256 contests, ) = _election.sizes();
        if (contestId >= contests) revert ElectionTallyUnknownContest(contestId);
        return _election.totals(contestId);
    }

    /// @notice Reverts until the election's polling has ended (§14.1).
    function _requirePollingEnded() private view {
        (, uint64 pollingEnd, , ) = _election.schedule();
        if (block.timestamp < pollingEnd) revert ElectionTallyPollingNotEnded(pollingEnd);
    }
}
