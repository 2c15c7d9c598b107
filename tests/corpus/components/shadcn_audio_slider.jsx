// expect: Now playing
// expect: Midnight City
// expect: Volume 65%
// libs: shadcn, lucide
import { useState } from "react";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Pause, Play, SkipBack, SkipForward, Volume2, VolumeX } from "lucide-react";

const formatTime = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;

export default function AudioPlayer() {
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState([83]);
  const [volume, setVolume] = useState([65]);
  const [shuffle, setShuffle] = useState(true);
  const duration = 243;

  return (
    <Card className="mx-auto w-full max-w-md">
      <CardContent className="space-y-5 p-6">
        <div className="flex items-center gap-4">
          <div className="h-16 w-16 rounded-md bg-gradient-to-br from-fuchsia-500 to-indigo-600" />
          <div>
            <p className="text-xs uppercase tracking-wide text-muted-foreground">Now playing</p>
            <p className="text-lg font-semibold">Midnight City</p>
            <p className="text-sm text-muted-foreground">M83</p>
          </div>
        </div>
        <div className="space-y-2">
          <Slider value={position} max={duration} step={1} onValueChange={setPosition} />
          <div className="flex justify-between text-xs text-muted-foreground">
            <span>{formatTime(position[0])}</span>
            <span>{formatTime(duration)}</span>
          </div>
        </div>
        <div className="flex items-center justify-center gap-3">
          <Button variant="ghost" size="icon"><SkipBack className="h-5 w-5" /></Button>
          <Button size="icon" className="h-12 w-12 rounded-full" onClick={() => setPlaying(!playing)}>
            {playing ? <Pause className="h-5 w-5" /> : <Play className="h-5 w-5" />}
          </Button>
          <Button variant="ghost" size="icon"><SkipForward className="h-5 w-5" /></Button>
        </div>
        <div className="flex items-center gap-3">
          {volume[0] === 0 ? <VolumeX className="h-4 w-4" /> : <Volume2 className="h-4 w-4" />}
          <Slider value={volume} max={100} step={1} onValueChange={setVolume} className="flex-1" />
          <span className="w-24 text-right text-sm">Volume {volume[0]}%</span>
        </div>
        <div className="flex items-center justify-between border-t pt-4">
          <Label htmlFor="shuffle">Shuffle</Label>
          <Switch id="shuffle" checked={shuffle} onCheckedChange={setShuffle} />
        </div>
      </CardContent>
    </Card>
  );
}
