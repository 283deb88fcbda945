// LanyardFollowUp
