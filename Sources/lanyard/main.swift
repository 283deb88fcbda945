import LanyardCLI

await Lanyard.runAsMain()
