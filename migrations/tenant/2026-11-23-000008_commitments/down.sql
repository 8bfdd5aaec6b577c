DROP TABLE commitment_priorities;
DROP TABLE commitments;
