// LanyardInterchange
