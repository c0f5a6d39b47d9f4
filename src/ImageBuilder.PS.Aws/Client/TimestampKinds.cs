using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// The kind of the dates the module hands out. .NET ignores DateTimeKind when it subtracts or compares, so a
    /// UTC date next to Get-Date (local) is off by the zone's offset: every date read from a service is given out
    /// as local time, as Get-Item and AWS Tools do. (Going out, the protocol engine turns local dates into UTC.)
    /// </summary>
    internal static class TimestampKinds
    {
        private static readonly ConcurrentDictionary<ShapeDef, bool> HoldsDates = new();

        /// <summary>Turns every date in a response into local time, in place.</summary>
        public static void ToLocal(IAwsStructure? output)
        {
            if (output is not null)
            {
                Visit(output);
            }
        }

        private static void Visit(IAwsStructure structure)
        {
            foreach (var member in structure.GetShape().Members)
            {
                if (!MayHoldDates(member.Shape))
                {
                    continue;
                }
                var value = structure.GetMember(member.Index);
                if (value is DateTime date)
                {
                    structure.SetMember(member.Index, Local(date));
                }
                else if (value is not null)
                {
                    VisitValue(value);
                }
            }
        }

        private static void VisitValue(object value)
        {
            switch (value)
            {
                case IAwsStructure nested:
                    Visit(nested);
                    break;
                case IList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is DateTime date) list[i] = Local(date);
                        else if (list[i] is { } element) VisitValue(element);
                    }
                    break;
                case IDictionary map:
                    // Keys are collected first: a map cannot be written to while it is enumerated.
                    var keys = new List<object>();
                    foreach (var key in map.Keys) keys.Add(key);
                    foreach (var key in keys)
                    {
                        if (map[key] is DateTime date) map[key] = Local(date);
                        else if (map[key] is { } entry) VisitValue(entry);
                    }
                    break;
            }
        }

        private static DateTime Local(DateTime date) => date.Kind == DateTimeKind.Local ? date : date.ToLocalTime();

        /// <summary>
        /// Whether a value of the shape can contain a date, so that long lists of findings or summaries without
        /// any are not walked member by member.
        /// </summary>
        private static bool MayHoldDates(ShapeDef shape) =>
            HoldsDates.GetOrAdd(shape, static s => Reaches(s, new HashSet<ShapeDef>()));

        private static bool Reaches(ShapeDef shape, HashSet<ShapeDef> seen)
        {
            if (shape.Kind == ShapeKind.Timestamp || shape.IsDateString)
            {
                return true;
            }
            if (shape.IsDocument || !seen.Add(shape))
            {
                return false;
            }
            foreach (var member in shape.Members)
            {
                if (Reaches(member.Shape, seen)) return true;
            }
            return (shape.Element is { } element && Reaches(element, seen))
                   || (shape.Value is { } mapValue && Reaches(mapValue, seen));
        }
    }
}
