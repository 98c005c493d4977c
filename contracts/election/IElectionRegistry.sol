// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ElectionConfig} from "./ElectionTypes.sol";

/// @title The commission's registry of elections
/// @notice The commission creates every election here: the registry deploys the election, its
///         key ceremony and its tally (EIP-1167 clones of audited implementations), wires them
///         together and lists them, so observers know which elections are official.
interface IElectionRegistry {
    /// @notice The three contracts of one election.
    /// @param election The {IElection} clone.
    /// @param ceremony Its {IKeyCeremony} clone.
    /// @param tally Its {IElectionTally} clone.
    struct Deployment {
        address election;
        address ceremony;
        address tally;
    }

    /// @notice Election number `index` was created with its ceremony and tally.
    /// @param index The election's 0-based number in the registry.
    /// @param election The election contract.
    /// @param electionId The election's §3.2 identifier.
    /// @param ceremony The election's key ceremony.
    /// @param tally The election's tally.
    /// @param manifestHash keccak256 of the election manifest (§10.1).
    event ElectionCreated(
        uint256 indexed index,
        address indexed election,
        bytes32 indexed electionId,
        address ceremony,
        address tally,
        bytes32 manifestHash
    );

    /// @notice An implementation address is not a contract.
    /// @param implementation The rejected address.
    error ElectionRegistryImplementationInvalid(address implementation);
    /// @notice No election with this index.
    /// @param index The unknown index.
    error ElectionRegistryUnknownElection(uint256 index);

    /// @notice Creates an election; commission role only.
    /// @param config The election's parameters (§10).
    /// @param trustees The trustees' addresses, index `i` = `trustees[i − 1]` (§6).
    /// @param threshold Number of trustees `k` needed to decrypt (§6, §7.2).
    /// @param registrar The registrar of the roll.
    /// @param gateways The gateways allowed to relay ballots.
    /// @return deployment The election, its key ceremony and its tally.
    function createElection(
        ElectionConfig calldata config,
        address[] calldata trustees,
        uint256 threshold,
        address registrar,
        address[] calldata gateways
    ) external returns (Deployment memory deployment);

    /// @notice Number of elections created.
    /// @return The count; elections are numbered `0 … count − 1`.
    function electionCount() external view returns (uint256);

    /// @notice Election number `index`'s contracts.
    /// @param index The election's 0-based number.
    /// @return The election, its key ceremony and its tally.
    function election(uint256 index) external view returns (Deployment memory);
}
