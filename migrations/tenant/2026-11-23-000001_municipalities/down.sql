DROP TABLE districts;
DROP TABLE municipalities;
