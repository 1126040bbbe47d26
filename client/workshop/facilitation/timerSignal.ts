/**
 * The gentle signal when the shared timer reaches zero: two soft sine tones made with
 * WebAudio (no audio file to serve). Browsers only let a page make sound after the person
 * interacted with it; if they have not, the tone is skipped and the visual pulse remains.
 */
let audio: AudioContext | null = null

export function playSoftChime(): void {
  try {
    audio ??= new AudioContext()
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined)
    const start = audio.currentTime + 0.02
    tone(audio, 660, start)
    tone(audio, 880, start + 0.28)
  } catch {
    // No WebAudio (or blocked): the pulse on the timer is signal enough.
  }
}

function tone(context: AudioContext, frequency: number, at: number): void {
  const oscillator = context.createOscillator()
  const gain = context.createGain()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequency
  // Quick fade in and a slow fade out: a chime, not a beep that startles the room.
  gain.gain.setValueAtTime(0, at)
  gain.gain.linearRampToValueAtTime(0.08, at + 0.03)
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6)
  oscillator.connect(gain).connect(context.destination)
  oscillator.start(at)
  oscillator.stop(at + 0.65)
}
