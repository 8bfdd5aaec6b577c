DROP TABLE course_corrections;
DROP TABLE review_items;
DROP TABLE reviews;
DROP TABLE expert_group_members;
DROP TABLE expert_group_priorities;
DROP TABLE expert_groups;
