// LanyardMail
