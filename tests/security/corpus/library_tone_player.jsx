import { useEffect } from "react";
import * as Tone from "tone";

// Escape attempt: library_tone_player — Tone's player and sampler load audio from URLs
export default function Hostile() {
  useEffect(() => {
    try {
      new Tone.Player("__LISTENER__/library_tone_player/loop.mp3");
      new Tone.Sampler({ urls: { C4: "C4.mp3" }, baseUrl: "__LISTENER__/library_tone_player/" });
      Tone.getContext();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">library_tone_player</p>;
}
