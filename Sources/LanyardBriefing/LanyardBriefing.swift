// LanyardBriefing
