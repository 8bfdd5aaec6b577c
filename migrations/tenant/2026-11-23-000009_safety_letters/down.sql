DROP TABLE safety_letter_schedule;
DROP TABLE safety_letter_documents;
DROP FUNCTION safety_letter_documents_frozen();
DROP TABLE safety_letters;
