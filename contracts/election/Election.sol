// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {BN254} from "../crypto/BN254.sol";
import {ContestBallotVerifier} from "../crypto/ContestBallotVerifier.sol";
import {Ciphertext, Point} from "../crypto/CryptoTypes.sol";
import {ElGamal} from "../crypto/ElGamal.sol";
import {BallotHashing} from "./BallotHashing.sol";
import {PackedTotals} from "./PackedTotals.sol";
import {
    Ballot,
    BallotSubmission,
    ContestBallot,
    ContestConfig,
    ElectionConfig
} from "./ElectionTypes.sol";
import {IElection, IElectionKeyReceiver} from "./IElection.sol";
import {IKeyCeremony} from "./IKeyCeremony.sol";

/// @title Election
/// @notice See {IElection}. Deployed once as an implementation; each election is an EIP-1167
///         clone initialised by the registry. Roles: `DEFAULT_ADMIN_ROLE` (the commission: grants
///         and revokes registrar and gateway roles), `REGISTRAR_ROLE` (publishes the roll before
///         polling), `GATEWAY_ROLE` (relays voters' signed ballots). None of them can alter a
///         ballot or a total. Decryption and results live in {ElectionTally}.
contract Election is IElection, AccessControl, EIP712, Initializable {
    /// @notice Role that publishes the eligibility roll before polling (§10.3).
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice Role that relays voters' signed ballots and opened (spoiled) ballots (§12.6, §12.7).
    bytes32 public constant GATEWAY_ROLE = keccak256("GATEWAY_ROLE");

    /// @dev Largest option count of a contest; keeps every ballot well inside a block.
    uint256 private constant MAX_OPTIONS = 64;
    uint256 private constant MIN_KDF_LOG2N = 10;
    uint256 private constant MAX_KDF_LOG2N = 24;

    bytes32 private _electionId;
    IKeyCeremony private _ceremony;
    uint64 private _pollingStart;
    uint64 private _pollingEnd;
    uint8 private _kdfLog2N;
    bool private _keySealed;
    bytes32 private _manifestHash;
    Point private _key;
    ContestConfig[] private _contests;
    uint256[][] private _constituencyContests;
    mapping(uint256 constituency => bytes32 root) private _roots;
    mapping(uint256 constituency => uint256 voters) private _voters;
    mapping(address credential => bytes32 record) private _records;
    mapping(bytes32 ciphertextsHash => bool spoiled) private _spoiled;
    /// @dev Two packed words per option: see {PackedTotals}.
    mapping(uint256 contestId => uint256[] packed) private _totals;

    /// @notice Sets the EIP-712 domain (§12.3) and locks the implementation; only clones are
    ///         initialised.
    constructor() EIP712("Shafaf", "1") {
        _disableInitializers();
    }

    /// @notice Sets the election's parameters and roles; called once by the registry.
    /// @param config Contests, constituencies, polling window, manifest hash, KDF cost.
    /// @param ceremony_ The election's key ceremony (its sealed key is the election key).
    /// @param commission Holder of `DEFAULT_ADMIN_ROLE`.
    /// @param registrar Holder of `REGISTRAR_ROLE`.
    /// @param gateways Holders of `GATEWAY_ROLE`.
    function initialize(
        ElectionConfig calldata config,
        address ceremony_,
        address commission,
        address registrar,
        address[] calldata gateways
    ) external initializer {
        _validateConfig(config);
        _electionId = keccak256(
            abi.encode(keccak256("shafaf/v1/election-id"), block.chainid, address(this))
        );
        _ceremony = IKeyCeremony(ceremony_);
        _pollingStart = config.pollingStart;
        _pollingEnd = config.pollingEnd;
        _kdfLog2N = config.credentialKdfLog2N;
        _manifestHash = config.manifestHash;
        for (uint256 j = 0; j < config.contests.length; ++j) {
            _contests.push(config.contests[j]);
            uint256[] storage totals_ = _totals[j];
            for (uint256 o = 0; o < 2 * uint256(config.contests[j].options); ++o) totals_.push();
        }
        for (uint256 v = 0; v < config.constituencyContests.length; ++v) {
            _constituencyContests.push(config.constituencyContests[v]);
        }
        _grantRole(DEFAULT_ADMIN_ROLE, commission);
        _grantRole(REGISTRAR_ROLE, registrar);
        for (uint256 g = 0; g < gateways.length; ++g) _grantRole(GATEWAY_ROLE, gateways[g]);
    }

    /// @inheritdoc IElection
    function setEligibilityRoot(
        uint256 constituency,
        bytes32 root,
        uint256 voters
    ) external override onlyRole(REGISTRAR_ROLE) {
        if (block.timestamp >= _pollingStart) revert ElectionRollFrozen(_pollingStart);
        if (constituency >= _constituencyContests.length) {
            revert ElectionUnknownConstituency(constituency);
        }
        if (root == bytes32(0) || voters == 0) revert ElectionConfigInvalid("roll", constituency);
        _roots[constituency] = root;
        _voters[constituency] = voters;
        emit EligibilityRootSet(constituency, root, voters);
    }

    /// @inheritdoc IElectionKeyReceiver
    function onKeySealed(Point calldata key) external override {
        if (msg.sender != address(_ceremony) || _keySealed) {
            revert ElectionUnauthorizedKeySource(msg.sender);
        }
        _key = key;
        _keySealed = true;
        emit ElectionKeySet(key);
    }

    /// @inheritdoc IElection
    function castBallot(
        Ballot calldata ballot,
        bytes calldata signature,
        bytes32[] calldata eligibilityProof,
        Ciphertext[] calldata superseded
    ) external override onlyRole(GATEWAY_ROLE) returns (bytes32 receipt) {
        // §12.6.2
        _requirePollingOpen();
        if (!_keySealed) revert ElectionKeyNotSealed();
        uint256 v = ballot.constituency;
        if (v >= _constituencyContests.length) revert ElectionUnknownConstituency(v);
        Ciphertext[][] memory totals_ = _loadTotals(v);
        receipt = _cast(ballot, signature, eligibilityProof, superseded, totals_);
        _storeTotals(v, totals_);
    }

    /// @inheritdoc IElection
    function castBallots(
        uint256 constituency,
        BallotSubmission[] calldata submissions
    ) external override onlyRole(GATEWAY_ROLE) returns (bytes32[] memory receipts) {
        _requirePollingOpen();
        if (!_keySealed) revert ElectionKeyNotSealed();
        if (constituency >= _constituencyContests.length) {
            revert ElectionUnknownConstituency(constituency);
        }
        if (submissions.length == 0) revert ElectionBatchInvalid(0, constituency);
        Ciphertext[][] memory totals_ = _loadTotals(constituency);
        receipts = new bytes32[](submissions.length);
        for (uint256 i = 0; i < submissions.length; ++i) {
            BallotSubmission calldata s = submissions[i];
            if (s.ballot.constituency != constituency) revert ElectionBatchInvalid(i, constituency);
            receipts[i] = _cast(s.ballot, s.signature, s.eligibilityProof, s.superseded, totals_);
        }
        _storeTotals(constituency, totals_);
    }

    /// @notice §12.6.3–§12.6.9 for one ballot; its contribution goes to the in-memory totals.
    /// @param ballot The encrypted ballot (§12.1).
    /// @param signature The credential's EIP-712 signature (§12.3).
    /// @param eligibilityProof Merkle proof of `leaf(credential, constituency)` (§10.3).
    /// @param superseded The superseded ballot's ciphertexts, flattened; empty for a first ballot.
    /// @param totals_ The constituency's contests' totals, in ballot order; updated in place.
    /// @return receipt The receipt (§12.4).
    function _cast(
        Ballot calldata ballot,
        bytes calldata signature,
        bytes32[] calldata eligibilityProof,
        Ciphertext[] calldata superseded,
        Ciphertext[][] memory totals_
    ) private returns (bytes32 receipt) {
        // §12.6.3
        _requireEligible(ballot.credential, ballot.constituency, eligibilityProof);
        // §12.6.4
        bytes32 ctHash;
        bool supersedes;
        {
            uint256 totalOptions = _checkShape(ballot.constituency, ballot.contests);
            ctHash = BallotHashing.ciphertextsHash(ballot.contests, totalOptions);
            // §12.6.5
            supersedes = _checkPrevious(ballot, superseded, totalOptions);
        }
        // §12.6.6
        if (_spoiled[ctHash]) revert ElectionBallotSpoiled(ctHash);
        // §12.6.7 (the receipt of §12.4 hashes the signed digest)
        receipt = _checkSignature(ballot, signature);
        // §12.6.8 and the totals of §12.6.9
        _verifyAndAddToTotals(ballot.contests, ballot.credential, superseded, supersedes, totals_);
        // §12.6.9
        _record(ballot, receipt, ctHash);
    }

    /// @inheritdoc IElection
    function publishSpoiledBallot(
        uint256 constituency,
        ContestBallot[] calldata contests,
        uint256[] calldata nonces,
        uint256[] calldata selections
    ) external override onlyRole(GATEWAY_ROLE) {
        _requirePollingOpen();
        if (!_keySealed) revert ElectionKeyNotSealed();
        if (constituency >= _constituencyContests.length) {
            revert ElectionUnknownConstituency(constituency);
        }
        uint256 totalOptions = _checkShape(constituency, contests);
        if (nonces.length != totalOptions || selections.length != totalOptions) {
            revert ElectionBallotShapeInvalid(type(uint256).max, totalOptions, nonces.length);
        }
        Point memory key = _key;
        uint256 flat;
        for (uint256 i = 0; i < contests.length; ++i) {
            Ciphertext[] calldata cts = contests[i].ciphertexts;
            for (uint256 o = 0; o < cts.length; ++o) {
                if (!_opens(cts[o], key, nonces[flat], selections[flat])) {
                    revert ElectionOpeningInvalid(contests[i].contestId, o);
                }
                ++flat;
            }
        }
        bytes32 ctHash = BallotHashing.ciphertextsHash(contests, totalOptions);
        if (_spoiled[ctHash]) revert ElectionBallotSpoiled(ctHash);
        _spoiled[ctHash] = true;
        emit BallotSpoiled(constituency, ctHash, nonces, selections);
    }

    /// @inheritdoc IElection
    function electionId() external view override returns (bytes32) {
        return _electionId;
    }

    /// @inheritdoc IElection
    function ceremony() external view override returns (address) {
        return address(_ceremony);
    }

    /// @inheritdoc IElection
    function schedule()
        external
        view
        override
        returns (uint64 pollingStart, uint64 pollingEnd, bytes32 manifestHash, uint8 kdfLog2N)
    {
        return (_pollingStart, _pollingEnd, _manifestHash, _kdfLog2N);
    }

    /// @inheritdoc IElection
    function sizes() external view override returns (uint256 contests, uint256 constituencies) {
        return (_contests.length, _constituencyContests.length);
    }

    /// @inheritdoc IElection
    function contest(uint256 contestId) external view override returns (ContestConfig memory) {
        if (contestId >= _contests.length) revert ElectionUnknownContest(contestId);
        return _contests[contestId];
    }

    /// @inheritdoc IElection
    function constituencyContests(
        uint256 constituency
    ) external view override returns (uint256[] memory) {
        if (constituency >= _constituencyContests.length) {
            revert ElectionUnknownConstituency(constituency);
        }
        return _constituencyContests[constituency];
    }

    /// @inheritdoc IElection
    function roll(
        uint256 constituency
    ) external view override returns (bytes32 root, uint256 voters) {
        return (_roots[constituency], _voters[constituency]);
    }

    /// @inheritdoc IElection
    function electionKey() external view override returns (Point memory) {
        return _key;
    }

    /// @inheritdoc IElection
    function ballotRecord(address credential) external view override returns (bytes32) {
        return _records[credential];
    }

    /// @inheritdoc IElection
    function isSpoiled(bytes32 ciphertextsHash) external view override returns (bool) {
        return _spoiled[ciphertextsHash];
    }

    /// @inheritdoc IElection
    function totals(uint256 contestId) external view override returns (Ciphertext[] memory all) {
        if (contestId >= _contests.length) revert ElectionUnknownContest(contestId);
        uint256[] storage packed = _totals[contestId];
        all = new Ciphertext[](packed.length / 2);
        for (uint256 o = 0; o < all.length; ++o) all[o] = PackedTotals.load(packed, o);
    }

    /// @inheritdoc IElection
    function contestBound(uint256 contestId) public view override returns (uint256 bound) {
        if (contestId >= _contests.length) revert ElectionUnknownContest(contestId);
        for (uint256 v = 0; v < _constituencyContests.length; ++v) {
            uint256[] storage ids = _constituencyContests[v];
            for (uint256 i = 0; i < ids.length; ++i) {
                if (ids[i] == contestId) {
                    bound += _voters[v];
                    break;
                }
            }
        }
    }

    /// @notice Checks the parameters of §10: a polling window in the future, a KDF cost in
    ///         range, contests with `1 … MAX_OPTIONS` options and a valid selection rule, and
    ///         constituencies listing known contests, strictly ascending.
    /// @param config The election's parameters.
    function _validateConfig(ElectionConfig calldata config) private view {
        if (config.pollingStart <= block.timestamp || config.pollingEnd <= config.pollingStart) {
            revert ElectionConfigInvalid("pollingWindow", config.pollingStart);
        }
        if (
            config.credentialKdfLog2N < MIN_KDF_LOG2N || config.credentialKdfLog2N > MAX_KDF_LOG2N
        ) {
            revert ElectionConfigInvalid("credentialKdfLog2N", config.credentialKdfLog2N);
        }
        uint256 contestCount = config.contests.length;
        if (contestCount == 0) revert ElectionConfigInvalid("contests", 0);
        for (uint256 j = 0; j < contestCount; ++j) {
            ContestConfig calldata c = config.contests[j];
            if (
                c.options == 0 ||
                c.options > MAX_OPTIONS ||
                c.minSelections > c.maxSelections ||
                c.maxSelections > c.options ||
                c.maxSelections - c.minSelections >= 32
            ) revert ElectionConfigInvalid("contest", j);
        }
        uint256 constituencies = config.constituencyContests.length;
        if (constituencies == 0) revert ElectionConfigInvalid("constituencies", 0);
        for (uint256 v = 0; v < constituencies; ++v) {
            uint256[] calldata ids = config.constituencyContests[v];
            if (ids.length == 0) revert ElectionConfigInvalid("constituency", v);
            for (uint256 i = 0; i < ids.length; ++i) {
                if (ids[i] >= contestCount || (i > 0 && ids[i] <= ids[i - 1])) {
                    revert ElectionConfigInvalid("constituency", v);
                }
            }
        }
    }

    /// @notice Reverts outside the polling window `[pollingStart, pollingEnd)` (§10.2).
    function _requirePollingOpen() private view {
        if (block.timestamp < _pollingStart || block.timestamp >= _pollingEnd) {
            revert ElectionPollingClosed(block.timestamp, _pollingStart, _pollingEnd);
        }
    }

    /// @notice §12.6.3: the constituency exists, its root is set and the Merkle proof shows
    ///         `leaf(credential, v)` (§10.3).
    /// @param credential The ballot's credential.
    /// @param v The ballot's constituency.
    /// @param proof The Merkle proof.
    function _requireEligible(
        address credential,
        uint256 v,
        bytes32[] calldata proof
    ) private view {
        if (v >= _constituencyContests.length) revert ElectionUnknownConstituency(v);
        bytes32 root = _roots[v];
        if (root == bytes32(0)) revert ElectionRollNotPublished(v);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(credential, v))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) {
            revert ElectionNotEligible(credential, v);
        }
    }

    /// @notice §12.6.4: exactly the constituency's contests, in order, with their option counts.
    /// @param v The constituency.
    /// @param contests The ballot's contests.
    /// @return totalOptions Σ options over the constituency's contests.
    function _checkShape(
        uint256 v,
        ContestBallot[] calldata contests
    ) private view returns (uint256 totalOptions) {
        uint256[] storage ids = _constituencyContests[v];
        if (contests.length != ids.length) {
            revert ElectionContestMismatch(v, contests.length, type(uint256).max);
        }
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 contestId = contests[i].contestId;
            if (contestId != ids[i]) revert ElectionContestMismatch(v, i, contestId);
            uint256 options = _contests[contestId].options;
            uint256 given = contests[i].ciphertexts.length;
            if (given == options) given = contests[i].optionProofs.length;
            if (given != options) revert ElectionBallotShapeInvalid(contestId, options, given);
            totalOptions += options;
        }
    }

    /// @notice §12.6.9: stores the record (§12.5) and emits the receipt.
    /// @param ballot The accepted ballot.
    /// @param receipt Its receipt (§12.4).
    /// @param ctHash Its `ciphertextsHash` (§12.2).
    function _record(Ballot calldata ballot, bytes32 receipt, bytes32 ctHash) private {
        _records[ballot.credential] = BallotHashing.record(receipt, ctHash, ballot.constituency);
        emit BallotCast(
            ballot.credential,
            ballot.constituency,
            receipt,
            ballot.previousReceipt,
            ctHash
        );
    }

    /// @notice §12.5: the previous receipt and the resupplied ciphertexts match the record.
    /// @param ballot The ballot.
    /// @param superseded The resupplied ciphertexts of the superseded ballot, flattened.
    /// @param totalOptions Σ options of the ballot.
    /// @return supersedes True iff the ballot replaces an earlier one.
    function _checkPrevious(
        Ballot calldata ballot,
        Ciphertext[] calldata superseded,
        uint256 totalOptions
    ) private view returns (bool supersedes) {
        bytes32 previous = _records[ballot.credential];
        supersedes = previous != bytes32(0);
        bool matches =
            supersedes
                ? superseded.length == totalOptions &&
                    BallotHashing.record(
                        ballot.previousReceipt,
                        BallotHashing.flatCiphertextsHash(superseded),
                        ballot.constituency
                    ) ==
                        previous
                : ballot.previousReceipt == bytes32(0) && superseded.length == 0;
        if (!matches)
            revert ElectionPreviousBallotMismatch(ballot.credential, ballot.previousReceipt);
    }

    /// @notice §12.3: the EIP-712 signature recovers the credential; returns the receipt (§12.4).
    /// @param ballot The ballot.
    /// @param signature The 65-byte signature.
    /// @return receipt The receipt (§12.4).
    function _checkSignature(
        Ballot calldata ballot,
        bytes calldata signature
    ) private view returns (bytes32 receipt) {
        bytes32 digest = _hashTypedDataV4(
            BallotHashing.ballotStructHash(
                ballot.credential,
                ballot.constituency,
                ballot.previousReceipt,
                ballot.contests
            )
        );
        (address signer, ECDSA.RecoverError err, ) = ECDSA.tryRecover(digest, signature);
        if (err != ECDSA.RecoverError.NoError || signer != ballot.credential) {
            revert ElectionBadSignature(ballot.credential);
        }
        receipt = BallotHashing.receipt(_electionId, digest, signature);
    }

    /// @notice §12.6.8 for every contest, then `total ← total + new − superseded` per option
    ///         (§12.5, §4.3) in the in-memory totals.
    /// @param contests The ballot's contests.
    /// @param credential The ballot's credential (the proofs' voter).
    /// @param superseded The superseded ballot's ciphertexts, flattened in ballot order.
    /// @param supersedes Whether the ballot replaces an earlier one.
    /// @param totals_ The constituency's contests' totals, in ballot order; updated in place.
    function _verifyAndAddToTotals(
        ContestBallot[] calldata contests,
        address credential,
        Ciphertext[] calldata superseded,
        bool supersedes,
        Ciphertext[][] memory totals_
    ) private view {
        Point memory key = _key;
        uint256 flatIndex;
        for (uint256 i = 0; i < contests.length; ++i) {
            ContestBallot memory c = contests[i];
            _verifyContest(c, credential, key);
            Ciphertext[] memory contestTotals = totals_[i];
            for (uint256 o = 0; o < c.ciphertexts.length; ++o) {
                Ciphertext memory total = ElGamal.add(contestTotals[o], c.ciphertexts[o]);
                if (supersedes) total = ElGamal.sub(total, superseded[flatIndex]);
                contestTotals[o] = total;
                ++flatIndex;
            }
        }
    }

    /// @notice The constituency's contests' totals, unpacked, in ballot order.
    /// @param v The constituency.
    /// @return totals_ Per contest of the constituency, one ciphertext per option.
    function _loadTotals(uint256 v) private view returns (Ciphertext[][] memory totals_) {
        uint256[] storage ids = _constituencyContests[v];
        totals_ = new Ciphertext[][](ids.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256[] storage packed = _totals[ids[i]];
            Ciphertext[] memory contestTotals = new Ciphertext[](packed.length / 2);
            for (uint256 o = 0; o < contestTotals.length; ++o) {
                contestTotals[o] = PackedTotals.load(packed, o);
            }
            totals_[i] = contestTotals;
        }
    }

    /// @notice Writes back the totals loaded by {_loadTotals}, packed.
    /// @param v The constituency.
    /// @param totals_ Per contest of the constituency, one ciphertext per option.
    function _storeTotals(uint256 v, Ciphertext[][] memory totals_) private {
        uint256[] storage ids = _constituencyContests[v];
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256[] storage packed = _totals[ids[i]];
            Ciphertext[] memory contestTotals = totals_[i];
            for (uint256 o = 0; o < contestTotals.length; ++o) {
                PackedTotals.store(packed, o, contestTotals[o]);
            }
        }
    }

    /// @notice Verifies one contest's option proofs (§5.2) and selection proof (§5.3).
    /// @param c The contest ballot.
    /// @param credential The ballot's credential (the proofs' voter).
    /// @param key The election key `K`.
    function _verifyContest(
        ContestBallot memory c,
        address credential,
        Point memory key
    ) private view {
        ContestConfig storage cfg = _contests[c.contestId];
        uint256 status = ContestBallotVerifier.verifyStatus(
            _electionId,
            c.contestId,
            credential,
            cfg.minSelections,
            cfg.maxSelections,
            key,
            c.ciphertexts,
            c.optionProofs,
            c.selectionProof
        );
        if (status == ContestBallotVerifier.SELECTION_FAILED) {
            revert ElectionProofInvalid(c.contestId, type(uint256).max);
        }
        if (status != 0) revert ElectionProofInvalid(c.contestId, status - 1);
    }

    /// @notice §12.7: α = ρG and β = ρK + mG with m ∈ {0, 1}.
    /// @param ct The ciphertext `(α, β)`.
    /// @param key The election key `K`.
    /// @param nonce The nonce ρ.
    /// @param selection The plaintext `m`.
    /// @return True iff `(ρ, m)` opens `ct`.
    function _opens(
        Ciphertext calldata ct,
        Point memory key,
        uint256 nonce,
        uint256 selection
    ) private view returns (bool) {
        BN254.validatePoint(ct.alpha);
        BN254.validatePoint(ct.beta);
        if (selection > 1) return false;
        BN254.validateScalar(nonce);
        Point memory alpha = BN254.mul(BN254.generator(), nonce);
        Point memory beta = BN254.mul(key, nonce);
        if (selection == 1) BN254.addAssign(beta, BN254.generator());
        return BN254.eq(alpha, ct.alpha) && BN254.eq(beta, ct.beta);
    }
}
