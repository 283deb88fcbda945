// LanyardNotes
