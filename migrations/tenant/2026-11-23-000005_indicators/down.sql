DROP TABLE measurement_history;
DROP TABLE measurements;
DROP TABLE indicator_targets;
DROP TABLE indicators;
